/**
 * `pnpm --filter @cdesk/bench bench:cpu`: client CPU per call of @cdesk/client against bare
 * openapi-fetch, in-memory fetch (no socket), measured so that a noisy shared machine cannot tip the
 * ratio: one process, many short chunks alternating between the two clients (A B B A ...), the CPU
 * time of each chunk from `process.cpuUsage()`, and the ratio taken per pair of neighbouring chunks,
 * so that whatever else the machine does at a moment weighs on both sides alike. Prints the median
 * ratio and its interquartile range per workload, with response checks on (the default).
 */
import type { Contender } from "./contenders/contender.js";
import createCdeskMethods from "./contenders/cdesk-methods.js";
import createOpenapiFetch from "./contenders/openapi-fetch.js";
import { memoryFetch } from "./memory-fetch.js";
import { median } from "./stats.js";

const PAIRS = Number(process.env.BENCH_PAIRS ?? 200);
const CHUNK = Number(process.env.BENCH_CHUNK ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3000);

type Call = keyof Contender;

async function chunkCpuMicros(contender: Contender, call: Call, count: number): Promise<number> {
  const started = process.cpuUsage();
  for (let i = 0; i < count; i++) await contender[call]();
  const { user, system } = process.cpuUsage(started);
  return (user + system) / count;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}

async function main(): Promise<void> {
  // Both take globalThis.fetch when created or called: give them the in-memory one for good.
  globalThis.fetch = memoryFetch as typeof fetch;
  const base = "http://127.0.0.1:1";
  const clients = { "openapi-fetch": createOpenapiFetch(base, "bench-token"), "@cdesk/client": createCdeskMethods(base, "bench-token") };
  const lines: string[] = [];
  for (const [workload, call] of [
    ["GET /offers/{offer_id}/status", "status"],
    ["POST /procure_offer", "procure"],
  ] as const) {
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
    lines.push(
      `| ${workload} | ${median(baseline).toFixed(1)} | ${median(ours).toFixed(1)} | ${median(ratios).toFixed(3)}x | ${quantile(sorted, 0.25).toFixed(3)}-${quantile(sorted, 0.75).toFixed(3)}x |`,
    );
  }
  console.log(`Machine: Node ${process.version}; ${PAIRS} pairs of ${CHUNK}-call chunks per workload, after ${WARMUP} warm-up calls each`);
  console.log("");
  console.log("| workload (in-memory fetch) | openapi-fetch CPU µs/call | @cdesk/client CPU µs/call | ratio (median of pairs) | interquartile range |");
  console.log("| --- | --- | --- | --- | --- |");
  for (const line of lines) console.log(line);
}

await main();
