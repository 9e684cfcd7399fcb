/**
 * `pnpm chaos --runs 1000 --seed 42 [--mode lifecycle|acquire] [--concurrency 8] [--fault-rate 0.2] [--timeout-ms 500]`:
 * the resilience run at any size. Prints the summary line and every broken invariant; exits 1 if
 * there is one. Ends by itself: a handle left open would keep it alive, and is reported too.
 */
import { parseArgs } from "node:util";
import { runChaos } from "./run-chaos.js";
import { formatSummary, violations } from "./summary.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "200" },
    mode: { type: "string", default: "lifecycle" },
    seed: { type: "string", default: String(Date.now() % 100_000) },
    concurrency: { type: "string", default: "8" },
    "fault-rate": { type: "string", default: "0.2" },
    "timeout-ms": { type: "string", default: "500" },
  },
});

function positiveInteger(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`--${name} must be a non-negative integer, got "${text}"`);
  return value;
}

if (values.mode !== "lifecycle" && values.mode !== "acquire") throw new RangeError(`--mode must be lifecycle or acquire, got "${values.mode}"`);

const report = await runChaos({
  mode: values.mode,
  runs: positiveInteger("runs", values.runs),
  seed: positiveInteger("seed", values.seed),
  concurrency: Math.max(1, positiveInteger("concurrency", values.concurrency)),
  faultRate: Number(values["fault-rate"]),
  timeoutMs: Math.max(1, positiveInteger("timeout-ms", values["timeout-ms"])),
});
console.log(formatSummary(report));
const problems = violations(report);
for (const problem of problems) console.error(`FAIL ${problem}`);
process.exitCode = problems.length > 0 ? 1 : 0;
