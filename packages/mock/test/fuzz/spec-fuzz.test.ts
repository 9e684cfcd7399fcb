import { afterAll, beforeAll, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { formatSummary, runFuzz } from "./run-fuzz.js";

/**
 * A bounded, seeded run of the spec fuzzer (requests drawn from the spec's request schemas,
 * valid and broken): every answer has a status the spec declares for the operation, a body
 * that matches that response's schema, the status the case calls for, CORS headers and an
 * x-request-id. `pnpm --filter @cdesk/mock fuzz` runs the long version (see README).
 */
const env = process.env;
// `pnpm fuzz` sets CDESK_FUZZ_LONG; CDESK_FUZZ_RUNS / _SEED override; CDESK_FUZZ_DYNAMIC fuzzes `dynamic: true`.
const RUNS = Number(env.CDESK_FUZZ_RUNS ?? (env.CDESK_FUZZ_LONG ? 20_000 : 300));
const SEED = Number(env.CDESK_FUZZ_SEED ?? 20261201);
const DYNAMIC = env.CDESK_FUZZ_DYNAMIC === "1";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer(DYNAMIC ? { dynamic: true, seed: SEED } : {});
});
afterAll(() => mock.close());

test(`${RUNS} spec-driven requests (seed ${SEED}, ${DYNAMIC ? "dynamic" : "static"} mock) get answers the spec allows`, async () => {
  const summary = await runFuzz(mock.url, { runs: RUNS, seed: SEED, examples: !DYNAMIC });
  if (env.CDESK_FUZZ_LONG || env.CDESK_FUZZ_REPORT) console.log(`${DYNAMIC ? "dynamic" : "static"} mock, ${formatSummary(summary)}`);
  expect(summary.cases).toBe(RUNS);
  // Every variant is drawn, so a generator that stops producing one is noticed.
  expect(Object.keys(summary.variants).sort()).toEqual(expect.arrayContaining(["valid", "no-token", "prefer-code", "prefer-example", "bad-path", "empty-query", "body-media-type", "body-malformed-json", "method-not-allowed"]));
  expect({ failing: summary.failures.length, first: summary.failures.slice(0, 3) }).toEqual({ failing: 0, first: [] });
  // About 10 ms a case on a busy 2-core machine; the bound only stops a hung run.
}, Math.max(60_000, RUNS * 50));
