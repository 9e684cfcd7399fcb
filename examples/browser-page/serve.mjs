// Serves this directory on loopback (ES modules do not load from file:// pages).
// node serve.mjs [port]   (default 8080; 0 picks a free one)
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL(".", import.meta.url));
const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname));
  const file = join(root, path === "/" ? "index.html" : path);
  const type = types[extname(file)];
  if (!file.startsWith(root) || !type || !(await stat(file).catch(() => undefined))?.isFile()) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { "content-type": type });
  createReadStream(file).pipe(response);
});
server.listen(Number(process.argv[2] ?? 8080), "127.0.0.1", () => {
  console.log(`Serving on http://127.0.0.1:${server.address().port}`);
});
process.once("SIGINT", () => server.close());
process.once("SIGTERM", () => server.close());
