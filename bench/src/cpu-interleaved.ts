/**
 * `pnpm --filter @cdesk/bench bench:cpu`: client CPU per call of @cdesk/client against bare
 * openapi-fetch, in-memory fetch (no socket), measured so that a noisy shared machine cannot tip the
 * ratio: many short chunks alternating between the two clients (A B B A ...), the CPU time of each
 * chunk from `process.cpuUsage()`, and the ratio taken per pair of neighbouring chunks, so that
 * whatever else the machine does at a moment weighs on both sides alike. The median of a process's
 * pairs still moves by a few percent from one process to the next (where garbage collection lands,
 * what the JIT decides), so several processes run one after the other and the median of their
 * medians is the figure. Response checks on (the default).
 */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Contender } from "./contenders/contender.js";
import createCdeskMethods from "./contenders/cdesk-methods.js";
import createOpenapiFetch from "./contenders/openapi-fetch.js";
import { memoryFetch } from "./memory-fetch.js";
import { median } from "./stats.js";

const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
const PAIRS = Number(process.env.BENCH_PAIRS ?? 100);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 1000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);

const WORKLOADS = [
  ["GET /offers/{offer_id}/status", "status"],
  ["POST /procure_offer", "procure"],
] as const;

type Call = keyof Contender;

/** One process's figures for one workload. */
interface ProcessResult {
  workload: string;
  baselineMicros: number;
  oursMicros: number;
  ratio: number;
  q1: number;
  q3: number;
}

async function chunkCpuMicros(contender: Contender, call: Call, count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await contender[call]();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / count;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

/** The interleaved pairs of one process. */
async function measureInThisProcess(): Promise<ProcessResult[]> {
  // Both take globalThis.fetch when created or called: give them the in-memory one for good.
  globalThis.fetch = memoryFetch as typeof fetch;
  const base = "http://127.0.0.1:1";
  const clients = { "openapi-fetch": createOpenapiFetch(base, "bench-token"), "@cdesk/client": createCdeskMethods(base, "bench-token") };
  const results: ProcessResult[] = [];
  for (const [workload, call] of WORKLOADS) {
    for (const contender of Object.values(clients)) await chunkCpuMicros(contender, call, WARMUP);
    const ratios: number[] = [];
    const baseline: number[] = [];
    const ours: number[] = [];
    for (let pair = 0; pair < PAIRS; pair++) {
      // Alternate which side goes first, so neither always runs on a warmer or colder moment.
      const order = pair % 2 === 0 ? (["openapi-fetch", "@cdesk/client"] as const) : (["@cdesk/client", "openapi-fetch"] as const);
      const micros: Record<string, number> = {};
      for (const name of order) micros[name] = await chunkCpuMicros(clients[name], call, CHUNK);
      baseline.push(micros["openapi-fetch"]!);
      ours.push(micros["@cdesk/client"]!);
      ratios.push(micros["@cdesk/client"]! / micros["openapi-fetch"]!);
    }
    const sorted = [...ratios].sort((a, b) => a - b);
    results.push({ workload, baselineMicros: median(baseline), oursMicros: median(ours), ratio: median(ratios), q1: quantile(sorted, 0.25), q3: quantile(sorted, 0.75) });
  }
  return results;
}

function row(label: string, r: ProcessResult): string {
  return `| ${r.workload} | ${label} | ${r.baselineMicros.toFixed(1)} | ${r.oursMicros.toFixed(1)} | ${r.ratio.toFixed(3)}x | ${r.q1.toFixed(3)}-${r.q3.toFixed(3)}x |`;
}

async function main(): Promise<void> {
  if (process.env.BENCH_CPU_CHILD) {
    process.stdout.write(JSON.stringify(await measureInThisProcess()));
    return;
  }
  const self = fileURLToPath(import.meta.url);
  const runs: ProcessResult[][] = [];
  for (let run = 0; run < PROCESSES; run++) {
    const output = execFileSync(process.execPath, [self], { env: { ...process.env, BENCH_CPU_CHILD: "1" }, encoding: "utf8" });
    runs.push(JSON.parse(output) as ProcessResult[]);
  }
  console.log(
    `Machine: Node ${process.version}; ${PROCESSES} processes, each ${PAIRS} pairs of ${CHUNK}-call chunks per workload after ${WARMUP} warm-up calls`,
  );
  console.log("");
  console.log("| workload (in-memory fetch) | process | openapi-fetch CPU µs/call | @cdesk/client CPU µs/call | ratio (median of pairs) | interquartile range |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  WORKLOADS.forEach(([workload], w) => {
    runs.forEach((results, run) => console.log(row(String(run + 1), results[w]!)));
    const ratios = runs.map((results) => results[w]!.ratio);
    console.log(`| ${workload} | **median of ${PROCESSES}** | | | **${median(ratios).toFixed(3)}x** | |`);
  });
}

await main();
