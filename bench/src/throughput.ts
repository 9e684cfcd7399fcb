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
import { memoryFetch } from "./memory-fetch.js";
import { median } from "./stats.js";

export const WORKLOADS = [
  "GET status, sequential",
  "POST procure, sequential",
  "GET status, 8 concurrent",
  "GET status, in-memory fetch",
  "POST procure, in-memory fetch",
] as const;
export type Workload = (typeof WORKLOADS)[number];
export interface ThroughputResult {
  name: ContenderName;
  workload: Workload;
  /** Median over the rounds. */
  requestsPerSecond: number;
  /** Median over the rounds of this process's CPU time (user + system) per request: the client's own cost, whatever else the machine runs. */
  cpuMicrosPerRequest: number;
  rounds: number[];
}

interface Sample {
  requestsPerSecond: number;
  cpuMicrosPerRequest: number;
}

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

const networkFetch = globalThis.fetch;

/** Runs `work` with `globalThis.fetch` replaced, for clients that look it up when created or when called. */
async function withGlobalFetch<T>(fetch: typeof globalThis.fetch, work: () => T | Promise<T>): Promise<T> {
  globalThis.fetch = fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = networkFetch;
  }
}

async function measure(contender: Contender, workload: Workload): Promise<Sample> {
  const concurrency = workload.includes("concurrent") ? 8 : 1;
  const call = callFor(contender, workload);
  const fetch = workload.includes("in-memory") ? memoryFetch : networkFetch;
  return withGlobalFetch(fetch, async () => {
    await run(call, WARMUP, concurrency);
    const started = performance.now();
    const cpu = process.cpuUsage();
    await run(call, REQUESTS, concurrency);
    const { user, system } = process.cpuUsage(cpu);
    return sample(started, user + system);
  });
}

function sample(started: number, cpuMicros: number): Sample {
  return {
    requestsPerSecond: REQUESTS / ((performance.now() - started) / 1000),
    cpuMicrosPerRequest: cpuMicros / REQUESTS,
  };
}

async function main(): Promise<void> {
  const server = await startServer(new URL("./server.mjs", import.meta.url).pathname);
  const token = "bench-token";
  const create = () => CONTENDERS.map(({ name }) => ({ name, contender: CREATE_CONTENDER[name](server.url, token) }));
  const contenders = create();
  // openapi-fetch takes globalThis.fetch when created: the in-memory workloads get their own instances.
  const inMemory = await withGlobalFetch(memoryFetch, create);
  // Every contender must get a real answer before it is timed.
  for (const { contender } of contenders) await Promise.all([contender.status(), contender.procure(), contender.remove()]);
  for (const { contender } of inMemory) await withGlobalFetch(memoryFetch, () => Promise.all([contender.status(), contender.procure()]));
  const samples = new Map<string, Sample[]>();
  for (let round = 0; round < ROUNDS; round++) {
    const shift = round % contenders.length;
    for (const workload of WORKLOADS) {
      const pool = workload.includes("in-memory") ? inMemory : contenders;
      for (const { name, contender } of [...pool.slice(shift), ...pool.slice(0, shift)]) {
        const key = `${name}\u0000${workload}`;
        samples.set(key, [...(samples.get(key) ?? []), await measure(contender, workload)]);
      }
    }
  }
  server.stop();
  const results: ThroughputResult[] = contenders.flatMap(({ name }) =>
    WORKLOADS.map((workload) => {
      const rounds = samples.get(`${name}\u0000${workload}`) ?? [];
      return {
        name,
        workload,
        requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
        cpuMicrosPerRequest: median(rounds.map((r) => r.cpuMicrosPerRequest)),
        rounds: rounds.map((r) => Math.round(r.requestsPerSecond)),
      };
    }),
  );
  process.stdout.write(`${JSON.stringify({ rounds: ROUNDS, requests: REQUESTS, warmup: WARMUP, results })}\n`);
}

await main();
