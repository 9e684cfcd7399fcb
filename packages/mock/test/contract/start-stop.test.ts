import { createServer, type Server } from "node:net";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { call, isAlive, OFFER_ID } from "../support/api.js";

describe("a running mock", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
  });
  afterAll(() => mock.close());

  test("port 0 listens on a free port and answers the spec's example", async () => {
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}`);
    const { status, body } = await call(mock.url, `/offers/${OFFER_ID}`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ offer_id: OFFER_ID, status: "available" });
  });

  test("a request without a bearer token gets the spec's 401 and is recorded as a violation", async () => {
    const response = await fetch(`${mock.url}/available_gpus`);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ detail: "Not authenticated" });
    expect(mock.violations.at(-1)).toMatchObject({ method: "GET", path: "/available_gpus", status: 401, code: "401" });
  });

  test("Prefer: example=NAME and code=NNN reach Prism", async () => {
    const ready = await call(mock.url, `/offers/${OFFER_ID}/status`, { headers: { prefer: "example=ready" } });
    expect(ready.body.procurement_status).toBe("ready");
    const gone = await call(mock.url, `/offers/${OFFER_ID}`, { headers: { prefer: "code=404" } });
    expect(gone).toMatchObject({ status: 404, body: { detail: "Offer not found" } });
  });
});

describe("starting and stopping", () => {
  test("close() ends Prism and frees the port; a second close() is harmless", async () => {
    const mock = await startMockServer({ port: 0 });
    expect(isAlive(mock.prismPid)).toBe(true);
    await mock.close();
    await mock.close();
    expect(isAlive(mock.prismPid)).toBe(false);
    await expect(fetch(`${mock.url}/available_gpus`)).rejects.toThrow();
  });

  test("a taken port is a clear error naming the port", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startMockServer({ port })).rejects.toThrow(`Cannot start the mock: port ${port} on 127.0.0.1 is already in use`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  test("a spec Prism refuses fails the start with Prism's own output", async () => {
    const directory = await mkdtemp(join(tmpdir(), "cdesk-mock-test-"));
    const spec = join(directory, "empty.yaml");
    await writeFile(spec, "openapi: 3.1.0\ninfo: { title: empty, version: '1' }\npaths: {}\n");
    await expect(startMockServer({ spec })).rejects.toThrow(/Prism exited with code \d+ before it was ready\. Its output:\n[\s\S]*No operations found in the current file/);
  });

  test("bad options are rejected before anything starts, naming the option", async () => {
    await expect(startMockServer({ port: -1 })).rejects.toThrow("options.port must be an integer from 0 to 65535, got -1");
    // @ts-expect-error: not a scenario name
    await expect(startMockServer({ scenario: "nope" })).rejects.toThrow('options.scenario must be one of provisioning, provisioning-fails, deletion, lifecycle, got "nope"');
    await expect(startMockServer({ proxy: "supply-api.compute-desk.com" })).rejects.toThrow('options.proxy must be an http(s) URL, got "supply-api.compute-desk.com"');
    await expect(startMockServer({ proxy: "http://x", scenario: "deletion" })).rejects.toThrow("options.proxy cannot be combined with scenario or dynamic");
    await expect(startMockServer({ startTimeoutMs: 0 })).rejects.toThrow("options.startTimeoutMs must be a positive number of milliseconds, got 0");
    await expect(startMockServer({ spec: "/does/not/exist.yaml" })).rejects.toThrow("Cannot read the spec /does/not/exist.yaml");
  });

  test("a scenario naming examples the spec lacks fails the start, listing them", async () => {
    const directory = await mkdtemp(join(tmpdir(), "cdesk-mock-test-"));
    const spec = join(directory, "drifted.yaml");
    const status = { "200": { content: { "application/json": { examples: { provisioning_started: { value: {} }, ready: { value: {} } } } } } };
    await writeFile(spec, JSON.stringify({ openapi: "3.1.0", info: { title: "drifted", version: "1" }, paths: { "/offers/{offer_id}/status": { get: { responses: status } } } }));
    await expect(startMockServer({ spec, scenario: "provisioning" })).rejects.toThrow(
      [
        'Scenario "provisioning" does not match the spec:',
        "- POST /procure_offer is not an operation of the spec",
        '- GET /offers/{offer_id}/status: the 200 response has no example "provisioning_in_progress" (it has: provisioning_started, ready)',
      ].join("\n"),
    );
  });

  test("a Prism that does not answer in time fails the start, and is not left running", async () => {
    // 1 ms cannot be enough for any Prism: this exercises the timeout path, not a speed.
    await expect(startMockServer({ startTimeoutMs: 1 })).rejects.toThrow(/Prism did not answer on port \d+ within 1 ms\. Its output:/);
  });
});
