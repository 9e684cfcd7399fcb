import { expect, it } from "vitest";
import { FAULT_KINDS } from "../../src/fault-plan.js";
import { runChaos } from "../../src/run-chaos.js";
import { SUCCESS } from "../../src/outcome.js";
import { formatSummary, violations } from "../../src/summary.js";

// Fixed, so a failure replays: `pnpm chaos --runs 60 --seed 20261129` (add `--mode acquire --runs 100`).
const SEED = 20261129;

it("runs 60 full lifecycles through injected faults: typed outcomes only, no duplicate procure, nothing left open", async () => {
  const report = await runChaos({ runs: 60, seed: SEED });
  console.log(formatSummary(report));

  expect(violations(report)).toEqual([]);
  // The run proves something only if every kind of fault was really injected and some lifecycles got through.
  for (const kind of FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0);
  expect(report.outcomes[SUCCESS]).toBeGreaterThan(0);
  expect(report.procuresAtSimulator).toBeGreaterThanOrEqual(report.outcomes[SUCCESS] ?? 0);
});

it("runs 100 acquisitions through the same faults and failing offers: 99 % ready, no duplicate procure, every resource accounted for", async () => {
  const report = await runChaos({ runs: 100, seed: SEED, mode: "acquire", concurrency: 10 });
  console.log(formatSummary(report));

  expect(violations(report)).toEqual([]);
  for (const kind of FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0);
  // Failover was exercised: some procured offers failed, and acquisitions got past them.
  expect(report.procuresAtSimulator).toBeGreaterThan(report.outcomes[SUCCESS] ?? 0);
  expect(Object.values(report.offerFaults).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
});
