/// <reference types="node" />
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The built package must let a process exit by itself right after a wait settles: no timer,
// listener or socket left behind. Runs dist/ (turbo builds it before tests).

const CHILD = fileURLToPath(new URL("./support/exit-child.mjs", import.meta.url));
/** A hang would last minutes (a leaked 20-minute deadline or 60 s sleep); give up well before. */
const HANG_GUARD_MS = 20_000;

const READY_AFTER_TWO = "11111111-1111-4111-8111-111111111111";
const FAILS = "22222222-2222-4222-8222-222222222222";
const NEVER_READY = "33333333-3333-4333-8333-333333333333";

const requests = new Map<string, number>();
const server = createServer((request, response) => {
  const offerId = request.url?.split("/")[2] ?? "";
  const seen = (requests.get(offerId) ?? 0) + 1;
  requests.set(offerId, seen);
  const stage =
    offerId === FAILS ? "failed" : offerId === READY_AFTER_TWO && seen >= 2 ? "ready" : "provisioning_in_progress";
  response.setHeader("content-type", "application/json");
  response.end(JSON.stringify({ offer_id: offerId, procurement_status: stage, instances: [], failure_reason: stage === "failed" ? "no capacity" : null }));
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function runChild(outcome: string, offerId: string): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CHILD, outcome, baseUrl, offerId], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const guard = setTimeout(() => child.kill("SIGKILL"), HANG_GUARD_MS);
    child.on("exit", (code, signal) => {
      clearTimeout(guard);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

describe("a process can exit right after a wait", () => {
  it.each([
    ["ready", READY_AFTER_TWO, "ready"],
    ["failed", FAILS, "ProvisioningFailedError"],
    ["timeout", NEVER_READY, "WaitTimeoutError"],
    ["abort", NEVER_READY, "AbortError"],
  ])("after %s", async (outcome, offerId, expected) => {
    const result = await runChild(outcome, offerId);
    expect(result.signal, `the child hung and was killed; stderr: ${result.stderr}`).toBeNull();
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { outcome: string; active: string[] };
    expect(report.outcome).toBe(expected);
    expect(report.active).not.toContain("Timeout");
  }, HANG_GUARD_MS + 5_000);
});
