/**
 * What `fetch` rejects with in each runtime, rebuilt field for field from real failures captured on
 * 2026-12-01 (Node 20.20.2, Bun 1.x via `npx -y bun`, Deno 2.9.6 via `npx -y deno@2.9.6`): a port that
 * was bound and closed (refused), a `.invalid` host (unresolved), and a server that closed the socket
 * after reading the request (reset).
 */
const nodeCause = (message: string, code: string, name = "Error") =>
  new TypeError("fetch failed", { cause: Object.assign(new Error(message), { name, code }) });
const bun = (message: string, code: string) => Object.assign(new TypeError(message), { code, path: "http://127.0.0.1:36213/x", errno: 0 });
const deno = (message: string) => new TypeError("fetch failed", { cause: new Error(message) });

export const REFUSED = {
  Node: nodeCause("connect ECONNREFUSED 127.0.0.1:39731", "ECONNREFUSED"),
  Bun: bun("ECONNREFUSED: Unable to connect. Is the computer able to access the url?", "ECONNREFUSED"),
  Deno: deno(
    "error sending request for url (http://127.0.0.1:40145/x): client error (Connect): tcp connect error: Connection refused (os error 111)",
  ),
};

export const UNRESOLVED = {
  Node: nodeCause("getaddrinfo ENOTFOUND nonexistent-host.invalid", "ENOTFOUND"),
  Bun: bun("getaddrinfo ENOTFOUND nonexistent-host.invalid", "ENOTFOUND"),
  Deno: deno(
    "error sending request for url (http://nonexistent-host.invalid/x): client error (Connect): dns error: failed to lookup address information: Name or service not known",
  ),
};

export const RESET = {
  Node: nodeCause("other side closed", "UND_ERR_SOCKET", "SocketError"),
  Bun: bun(
    "ECONNRESET: The socket connection was closed unexpectedly. For more information, pass `verbose: true` in the second argument to fetch()",
    "ECONNRESET",
  ),
  Deno: deno(
    "error sending request from 127.0.0.1:49722 for http://127.0.0.1:35421/x (127.0.0.1:35421): client error (SendRequest): connection closed before message completed",
  ),
};
