import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, expect, it } from "vitest";
import { fromYaml } from "../src/spec-yaml.mjs";
import { additiveUpstream, scratchRepo } from "./fixtures.mjs";
import { removeScratch, runCli, snapshot } from "./helpers.mjs";

/** @type {import("node:http").Server} */
let server;
/** @type {string} */
let base;
/** @type {string} */
let root;
/** @type {string[]} */
const requested = [];

beforeEach(async () => {
  const body = JSON.stringify(await additiveUpstream());
  server = createServer((request, response) => {
    requested.push(/** @type {string} */ (request.url));
    if (request.url === "/openapi.json") response.writeHead(200, { "content-type": "application/json" }).end(body);
    else response.writeHead(404).end("Not Found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  base = `http://127.0.0.1:${/** @type {import("node:net").AddressInfo} */ (server.address()).port}`;
  root = await scratchRepo();
});

afterEach(async () => {
  requested.length = 0;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await removeScratch(root);
});

it("downloads FastAPI's /openapi.json when given the service's base URL", async () => {
  const result = await runCli([base], { root });

  expect(result.status).toBe(0);
  expect(requested).toEqual(["/openapi.json"]);
  const stored = await readFile(join(root, "openapi/upstream.yaml"), "utf8");
  expect(stored.split("\n")[0]).toBe(`# Upstream's Supply API spec as read from ${base}/openapi.json, stored as YAML.`);
  expect(fromYaml(stored)).toEqual(await additiveUpstream());
});

it("stops with the HTTP status when the URL does not serve a spec, writing nothing", async () => {
  const before = await snapshot(root);

  const result = await runCli([`${base}/docs`], { root });

  expect(result.status).toBe(1);
  expect(result.stderr).toBe(`spec:update: could not download ${base}/docs: HTTP 404 Not Found`);
  expect(await snapshot(root)).toEqual(before);
});
