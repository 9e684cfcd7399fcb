import { expect, it } from "vitest";
import { FAULT_KINDS } from "../../src/fault-plan.js";
import { runChaos } from "../../src/run-chaos.js";
import { SUCCESS } from "../../src/outcome.js";
import { formatSummary, violations } from "../../src/summary.js";

// Fixed, so a failure replays: `pnpm chaos --runs 60 --seed 20261129`.
const SEED = 20261129;

it("runs 60 full lifecycles through injected faults: typed outcomes only, no duplicate procure, nothing left open", async () => {
  const report = await runChaos({ runs: 60, seed: SEED });
  console.log(formatSummary(report));

  expect(violations(report)).toEqual([]);
  // The run proves something only if every kind of fault was really injected and some lifecycles got through.
  for (const kind of FAULT_KINDS) expect(report.faults[kind], kind).toBeGreaterThan(0);
  expect(report.outcomes[SUCCESS]).toBeGreaterThan(0);
  expect(report.procuresAtMock).toBeGreaterThanOrEqual(report.outcomes[SUCCESS] ?? 0);
});
