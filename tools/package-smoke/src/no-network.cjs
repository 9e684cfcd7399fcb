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
// Through a string key: a checked JS file's `globalThis.fetch = ...` would redeclare fetch's type
// for the whole program as this zero-argument function.
Object.assign(globalThis, { ["fetch"]: refuse("fetch") });
