import { join } from "node:path";
import { describe, expect, inject, test } from "vitest";
import { call, OFFER_ID } from "../support/api.js";
import { runNode } from "../support/child.js";
import { startUpstream } from "../support/upstream.js";

const cli = (...args: string[]) => runNode([join(inject("builtDir"), "cli.js"), ...args]);

describe("cdesk-mock", () => {
  test("prints the URL, serves the scenario, and stops cleanly on Ctrl-C", async () => {
    const run = cli("--port", "0", "--scenario", "provisioning");
    const url = (await run.line(/listening on /)).split("listening on ")[1] as string;
    expect(run.stdout()).toContain("Mock (scenario provisioning) listening on http://127.0.0.1:");
    const first = await call(url, `/offers/${OFFER_ID}/status`);
    expect(first.body.procurement_status).toBe("provisioning_started");
    run.process.kill("SIGINT");
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("Stopped (SIGINT).");
    await expect(fetch(url)).rejects.toThrow();
  });

  test("stops cleanly on SIGTERM", async () => {
    const run = cli("--port", "0", "--dynamic", "--seed", "7");
    await run.line(/listening on /);
    run.process.kill("SIGTERM");
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("Stopped (SIGTERM).");
  });

  test("--help shows the options and examples", async () => {
    const run = cli("--help");
    expect(await run.exited).toBe(0);
    expect(run.stdout()).toContain("Usage: cdesk-mock [options]");
    expect(run.stdout()).toContain("cdesk-mock --proxy https://supply-api.compute-desk.com");
  });

  test.each([
    [["--port", "eighty"], '--port must be an integer from 0 to 65535, got "eighty"'],
    [["--scenario", "nope"], '--scenario must be one of provisioning, provisioning-fails, deletion, lifecycle, got "nope"'],
    [["--verbose"], "Unknown option '--verbose'"],
    [["--proxy", "ftp://x"], '--proxy must be an http(s) URL, got "ftp://x"'],
  ])("bad flags %j exit with 2 and say why", async (args, message) => {
    const run = cli(...args);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toContain(message);
    expect(run.stderr()).toContain("Usage: cdesk-mock");
  });

  test("a start failure exits with 1 and Prism's reason", async () => {
    const run = cli("--port", "0", "--spec", "/no/such/spec.yaml");
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toContain("cdesk-mock: Cannot read the spec /no/such/spec.yaml");
  });

  test("--proxy prints one line per violation", async () => {
    const upstream = await startUpstream(() => ({ body: { procurement_status: "ready" } }));
    const run = cli("--port", "0", "--proxy", upstream.url);
    try {
      const url = (await run.line(/listening on /)).split("listening on ")[1] as string;
      expect(run.stdout()).toContain(`Validating proxy to ${upstream.url} listening on`);
      expect((await call(url, `/offers/${OFFER_ID}/status`)).status).toBe(500);
      run.process.kill("SIGINT");
      expect(await run.exited).toBe(0);
      expect(run.stderr()).toBe(
        `violation: GET /offers/${OFFER_ID}/status -> 500: response.body Response body must have required property 'instances'\n`,
      );
    } finally {
      run.process.kill("SIGKILL");
      await upstream.close();
    }
  });
});
