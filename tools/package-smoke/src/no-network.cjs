// Preloaded (node --require) into a command that must work offline: any attempt to open a
// connection or fetch throws, so a step that needs the network fails instead of passing by luck.
const net = require("node:net");
const tls = require("node:tls");
const http = require("node:http");
const https = require("node:https");

/** @param {string} what */
const refuse = (what) => () => {
  throw new Error(`network disabled for this command: ${what} was called`);
};
net.connect = net.createConnection = refuse("net.connect");
net.Socket.prototype.connect = refuse("net.Socket#connect");
tls.connect = refuse("tls.connect");
for (const module of [http, https]) module.request = module.get = refuse("http(s).request");
// Not `globalThis.fetch = ...`: under checkJs that assignment declares a global fetch taking no
// arguments, and every other file of this program then fails to call fetch.
Object.assign(globalThis, { fetch: refuse("fetch") });
