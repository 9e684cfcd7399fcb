import type { FetchLike } from "@cdesk/client";
import type { OfferFailure, OperationKey } from "@cdesk/simulator";
import fc from "fast-check";
import { expect, it, vi } from "vitest";
import { useFakeClock } from "../../test/support/fake-clock.js";
import { SSH_KEY, runWithSimulator, simulated } from "../../test/support/simulated.js";
import { acquire } from "./acquire.js";
import { AcquireError } from "./error.js";

useFakeClock();

const VENDORS = ["nebius", "scaleway", "hyperstack", "vastai"];
const OPERATIONS: OperationKey[] = ["POST /get_offers", "POST /procure_offer", "GET /offers/{offer_id}/status", "GET /resources", "DELETE /resources/{resource_id}", "GET /resources/{resource_id}"];

/** One schedule of faults: offers that fail, answers that fail, connections that break, a jump past expiry. */
const schedules = fc.record({
  failedOffers: fc.array(fc.record({ vendor: fc.constantFrom(...VENDORS), failure: fc.constantFrom<OfferFailure>("provisioning", "capacity", "procure") }), { maxLength: 4 }),
  failedAnswers: fc.array(
    fc.record({ operation: fc.constantFrom(...OPERATIONS), status: fc.constantFrom(500, 503, 429), times: fc.integer({ min: 1, max: 4 }) }),
    { maxLength: 6 },
  ),
  /** Request numbers whose connection breaks, before the server sees them or after it acted. */
  resets: fc.array(fc.record({ request: fc.integer({ min: 0, max: 40 }), after: fc.boolean() }), { maxLength: 6 }),
  /** The request number at which the server's clock jumps 31 minutes ahead (every offer it made expires). */
  expiryAt: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined }),
  maxAttempts: fc.integer({ min: 1, max: 4 }),
  cleanup: fc.constantFrom("on-failure" as const, "never" as const),
});

it("never overlaps procures, never exceeds maxAttempts, and accounts for every resource, whatever fails", async () => {
  await fc.assert(
    fc.asyncProperty(schedules, async (schedule) => {
      let sent = 0;
      let inFlight = 0;
      let maxInFlight = 0;
      const { sim, cdesk } = simulated(
        { provisioningMs: 60_000, deletionMs: 20_000 },
        (simFetch): FetchLike => async (url, init) => {
          const index = sent++;
          if (index === schedule.expiryAt) sim.advance(31 * 60_000);
          const reset = schedule.resets.find((r) => r.request === index);
          const procure = new URL(url).pathname === "/procure_offer";
          if (procure) maxInFlight = Math.max(maxInFlight, ++inFlight);
          try {
            if (reset && !reset.after) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
            const answer = await simFetch(url, init);
            if (reset) throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
            return answer;
          } finally {
            if (procure) inFlight -= 1;
          }
        },
      );
      for (const { vendor, failure } of schedule.failedOffers) sim.failOffer((offer) => offer.vendor === vendor, failure);
      for (const { operation, status, times } of schedule.failedAnswers) sim.failNext(operation, { status, times, retryAfter: 1 });

      const outcome = await runWithSimulator(
        sim,
        acquire(cdesk, {
          query: { region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } },
          ssh_public_key: SSH_KEY,
          maxAttempts: schedule.maxAttempts,
          cleanup: schedule.cleanup,
          intervalMs: 5_000,
          timeoutMs: 60 * 60_000,
        }),
      );

      expect(vi.getTimerCount()).toBe(0); // nothing left running
      const attempts = "value" in outcome ? outcome.value.attempts : (outcome.error as AcquireError).attempts;
      if ("error" in outcome) expect(outcome.error).toBeInstanceOf(AcquireError);
      expect(maxInFlight).toBeLessThanOrEqual(1);
      const procured = new Set(
        sim.requests.filter((r) => r.method === "POST" && r.path === "/procure_offer").map((r) => JSON.parse(r.body ?? "{}").offer_id),
      );
      expect(procured.size).toBeLessThanOrEqual(schedule.maxAttempts);
      expect(attempts.length).toBeLessThanOrEqual(schedule.maxAttempts);
      const reported = new Map(attempts.flatMap((a) => a.resources).map((r) => [r.resourceId, r.fate]));
      for (const resource of sim.state.resources) {
        const fate = reported.get(resource.resource_id);
        expect(fate, `resource ${resource.resource_id} unaccounted for`).toBeDefined();
        if (fate === "deleted") expect(resource.status).toBe("deleted");
        if (fate === "deleting") expect(["deleting", "deleted"]).toContain(resource.status);
      }
      expect(reported.size).toBe(sim.state.resources.length);
    }),
    { numRuns: 100, seed: 20261202 },
  );
}, 180_000); // about 5 s alone; a loaded CI machine runs it several times slower
