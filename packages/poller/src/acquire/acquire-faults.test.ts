import type { FetchLike } from "@cdesk/client";
import { describe, expect, it } from "vitest";
import { useFakeClock } from "../../test/support/fake-clock.js";
import { errorOf } from "../../test/support/scripted-client.js";
import { SSH_KEY, runWithSimulator, simulated } from "../../test/support/simulated.js";
import { ProvisioningFailedError, WaitTimeoutError } from "../errors.js";
import { acquire } from "./acquire.js";
import { AcquireError } from "./error.js";
import type { AcquireOptions } from "./options.js";
import { CLEANUP_GRACE_MS } from "./stop.js";

useFakeClock();

const base = {
  query: { region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } },
  ssh_public_key: SSH_KEY,
  intervalMs: 5_000,
} satisfies AcquireOptions;

const isProcure = (url: string) => new URL(url).pathname === "/procure_offer";
const connectionReset = () => new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
const procuresAt = (sim: ReturnType<typeof simulated>["sim"]) =>
  sim.requests.filter((r) => r.method === "POST" && r.path === "/procure_offer").map((r) => JSON.parse(r.body ?? "{}").offer_id);

/** The first `count` procure calls lose their connection before reaching the server. */
const cutFirstProcures = (count: number) => (simFetch: FetchLike): FetchLike => {
  let cut = 0;
  return async (url, init) => {
    if (isProcure(url) && cut++ < count) throw connectionReset();
    return simFetch(url, init);
  };
};

describe("acquire when the outcome of a procure is unknown", () => {
  it("procures the same offer again once its status shows it was not bought, and nothing else", async () => {
    const { sim, cdesk } = simulated({}, cutFirstProcures(1));
    const outcome = await runWithSimulator(sim, acquire(cdesk, base));
    if (!("value" in outcome)) throw outcome.error;
    expect(outcome.value.attempts).toHaveLength(1);
    expect(procuresAt(sim)).toEqual([outcome.value.offer.offer_id]);
    const order = sim.requests.map((r) => `${r.method} ${r.path.replace(/[0-9a-f-]{36}/, "{id}")}`);
    expect(order.slice(0, 3)).toEqual(["POST /get_offers", "GET /offers/{id}/status", "POST /procure_offer"]);
  });

  it("stops with the offer listed as outcome unknown when its status cannot be read until the deadline", async () => {
    const { sim, cdesk } = simulated({}, cutFirstProcures(1));
    sim.failNext("GET /offers/{offer_id}/status", { status: 503, times: 10_000 });
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, timeoutMs: 10 * 60_000 })));
    expect(error).toBeInstanceOf(AcquireError);
    expect((error as AcquireError).message).toMatch(/outcome unknown: check cdesk\.offers\.status/);
    expect((error as AcquireError).attempts.map((a) => a.outcome)).toEqual(["outcome-unknown"]);
    expect((error as AcquireError).cause).toBeInstanceOf(WaitTimeoutError);
    expect(procuresAt(sim)).toEqual([]);
    // It kept asking through the deadline and the grace period, then gave up.
    expect(Date.now()).toBeGreaterThanOrEqual(10 * 60_000 + CLEANUP_GRACE_MS);
  });
});

describe("acquire's limits", () => {
  it("counts an offer still provisioning at readyTimeoutMs as failed, cleans it up and tries the next", async () => {
    const { sim, cdesk } = simulated({ provisioningMs: 10 * 60_000 });
    const outcome = await runWithSimulator(sim, acquire(cdesk, { ...base, readyTimeoutMs: 60_000, maxAttempts: 2 }));
    const error = errorOf(outcome) as AcquireError;
    expect(error.message).toMatch(/^2 offer\(s\) procured \(maxAttempts\), none ready/);
    expect(error.attempts.map((a) => [a.outcome, (a.error as Error).name])).toEqual([
      ["failed", "WaitTimeoutError"],
      ["failed", "WaitTimeoutError"],
    ]);
    expect(error.attempts.flatMap((a) => a.resources).every((r) => r.fate === "deleted")).toBe(true);
    expect(procuresAt(sim)).toHaveLength(2);
  });

  it("at timeoutMs stops, deletes the in-flight attempt's resources within the grace period, and says so", async () => {
    const { sim, cdesk } = simulated({ provisioningMs: 10 * 60_000, deletionMs: 5_000 });
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, timeoutMs: 2 * 60_000 }))) as AcquireError;
    expect(error.cause).toBeInstanceOf(WaitTimeoutError);
    expect(error.message).toMatch(/^The acquisition stopped \(WaitTimeoutError: /);
    expect(error.attempts.map((a) => a.outcome)).toEqual(["stopped"]);
    expect(error.attempts[0]?.resources.map((r) => r.fate)).toEqual(sim.state.resources.map(() => "deleted"));
    expect(Date.now()).toBeLessThanOrEqual(2 * 60_000 + CLEANUP_GRACE_MS);
  });

  it("records a cleanup that failed on its resource, and still tries the next offer", async () => {
    const { sim, cdesk } = simulated();
    sim.failOffer(() => procuresAt(sim).length === 0, "provisioning"); // the first offer procured
    sim.failNext("DELETE /resources/{resource_id}", { status: 500, times: 3 }); // the client's 2 retries too
    const outcome = await runWithSimulator(sim, acquire(cdesk, base));
    if (!("value" in outcome)) throw outcome.error;
    const [failed, ready] = outcome.value.attempts;
    expect(failed?.error).toBeInstanceOf(ProvisioningFailedError);
    expect(failed?.resources).toEqual([{ resourceId: expect.any(String), fate: "kept", cleanupError: expect.objectContaining({ status: 500 }) }]);
    expect(ready?.outcome).toBe("ready");
  });

  it("keeps the error that ended it when the cleanup after it fails too", async () => {
    const { sim, cdesk } = simulated();
    const controller = new AbortController();
    sim.failNext("DELETE /resources/{resource_id}", { status: 500, times: 3 });
    const onEvent = (event: { type: string }) => event.type === "progress" && controller.abort();
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, signal: controller.signal, onEvent }))) as AcquireError;
    expect(error.cause).toMatchObject({ name: "AbortError" });
    expect(error.attempts[0]?.resources).toEqual([{ resourceId: expect.any(String), fate: "kept", cleanupError: expect.objectContaining({ status: 500 }) }]);
  });

  it("stops, as on an abort, when onEvent throws, and cleans up what it procured", async () => {
    const { sim, cdesk } = simulated();
    const broken = new Error("the progress bar broke");
    const onEvent = (event: { type: string }) => {
      if (event.type === "procured") throw broken;
    };
    const error = errorOf(await runWithSimulator(sim, acquire(cdesk, { ...base, onEvent }))) as AcquireError;
    expect(error.cause).toBe(broken);
    expect(error.attempts[0]?.resources.every((r) => r.fate === "deleted")).toBe(true);
    expect(procuresAt(sim)).toHaveLength(1);
  });
});
