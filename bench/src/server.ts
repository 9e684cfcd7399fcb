/**
 * The benchmark's server: plain node:http with keep-alive, answering three routes with bodies
 * serialised once at start-up, so that request cost is the client's, not the server's.
 * Runs in its own process (`node server.mjs`) and prints its URL on stdout.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { route } from "./answers.js";

const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  // Drain the body (a POST's) before answering, as any real server does.
  req.resume();
  req.on("end", () => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const [status, body] = route(req.method, path);
    res.writeHead(status, { "content-type": "application/json", "content-length": body.length });
    res.end(body);
  });
});

server.listen(0, "127.0.0.1", () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`http://127.0.0.1:${port}\n`);
});
// The parent closes our stdin when it is done: stop then, whatever happened to it.
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
