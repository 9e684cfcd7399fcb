/**
 * Requests per second of each contender against the same keep-alive server (its own process),
 * in one process, median of several rounds. Each round runs every contender on every workload,
 * in an order rotated per round so no one always goes first after a GC-heavy neighbour.
 * Prints its results as JSON on stdout (run by main.ts, after the generated clients exist).
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { CREATE_CONTENDER } from "./contenders/index.js";
import type { Contender } from "./contenders/contender.js";
import { CONTENDERS, type ContenderName } from "./contenders/list.js";
import { median } from "./stats.js";

export const WORKLOADS = ["GET status, sequential", "POST procure, sequential", "GET status, 8 concurrent"] as const;
export type Workload = (typeof WORKLOADS)[number];
export type ThroughputResult = { name: ContenderName; workload: Workload; requestsPerSecond: number; rounds: number[] };

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 500);

async function startServer(serverFile: string) {
  const child = spawn(process.execPath, [serverFile], { stdio: ["pipe", "pipe", "inherit"] });
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { url: line.trim(), stop: () => child.stdin.end() };
}

async function run(call: () => Promise<unknown>, count: number, concurrency: number): Promise<void> {
  let left = count;
  const worker = async () => {
    while (left-- > 0) await call();
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

function callFor(contender: Contender, workload: Workload): () => Promise<unknown> {
  return workload.startsWith("POST") ? contender.procure : contender.status;
}

async function measure(contender: Contender, workload: Workload): Promise<number> {
  const concurrency = workload.includes("concurrent") ? 8 : 1;
  const call = callFor(contender, workload);
  await run(call, WARMUP, concurrency);
  const started = performance.now();
  await run(call, REQUESTS, concurrency);
  return REQUESTS / ((performance.now() - started) / 1000);
}

async function main(): Promise<void> {
  const server = await startServer(new URL("./server.mjs", import.meta.url).pathname);
  const token = "bench-token";
  const contenders = CONTENDERS.map(({ name }) => ({ name, contender: CREATE_CONTENDER[name](server.url, token) }));
  // Every contender must get a real answer before it is timed.
  for (const { contender } of contenders) await Promise.all([contender.status(), contender.procure(), contender.remove()]);
  const samples = new Map<string, number[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const order = [...contenders.slice(round % contenders.length), ...contenders.slice(0, round % contenders.length)];
    for (const workload of WORKLOADS) {
      for (const { name, contender } of order) {
        const key = `${name}\u0000${workload}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(contender, workload)]);
      }
    }
  }
  server.stop();
  const results: ThroughputResult[] = contenders.flatMap(({ name }) =>
    WORKLOADS.map((workload) => {
      const rounds = samples.get(`${name}\u0000${workload}`) ?? [];
      return { name, workload, requestsPerSecond: median(rounds), rounds };
    }),
  );
  process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, requests: REQUESTS, warmup: WARMUP, results })}\n`);
}

await main();
