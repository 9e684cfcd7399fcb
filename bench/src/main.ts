/**
 * `pnpm bench`: generates the competing clients, then measures requests/s, bundle size,
 * type-check time and codegen time, and prints one markdown table for each.
 * Results also go to bench/.out/results.{json,md}.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { build } from "esbuild";
import { measureBundles, type BundleSize } from "./bundle-size.js";
import { generateClients, type CodegenTime } from "./codegen.js";
import { BASELINE } from "./contenders/list.js";
import { BENCH_DIR } from "./run-command.js";
import { ratio } from "./stats.js";
import { kilobytes, markdownTable, thousands } from "./table.js";
import type { ThroughputResult } from "./throughput.js";
import { timeTypechecks, type TypecheckTime } from "./typecheck-time.js";

const OUT = `${BENCH_DIR}.out/`;
const RUNS = Number(process.env.BENCH_TOOL_RUNS ?? 3);

async function bundleForNode(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [`${BENCH_DIR}src/${entry}`], outfile: `${OUT}${outfile}`, bundle: true, platform: "node", format: "esm", target: "node20", packages: "external", logLevel: "error" });
}

function measureThroughput(): { rounds: number; requests: number; warmup: number; results: ThroughputResult[] } {
  const child = spawnSync(process.execPath, [`${OUT}throughput.mjs`], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  if (child.status !== 0) throw new Error(`throughput run exited with ${child.status}`);
  return JSON.parse(child.stdout);
}

type Metric = "requestsPerSecond" | "cpuMicrosPerRequest";

function throughputTable(results: ThroughputResult[], metric: Metric): string {
  const workloads = [...new Set(results.map((r) => r.workload))];
  const names = [...new Set(results.map((r) => r.name))];
  const find = (name: string, workload: string) => results.find((r) => r.name === name && r.workload === workload)?.[metric] ?? Number.NaN;
  const unit = metric === "requestsPerSecond" ? "req/s" : "CPU µs/req";
  const format = metric === "requestsPerSecond" ? thousands : (value: number) => value.toFixed(1);
  const header = ["client", ...workloads.flatMap((w) => [`${w} (${unit})`, `vs ${BASELINE}`])];
  const rows = names.map((name) => [name, ...workloads.flatMap((w) => [format(find(name, w)), ratio(find(name, w), find(BASELINE, w))])]);
  return markdownTable(header, rows);
}

function bundleTable(sizes: BundleSize[]): string {
  const baseline = sizes.find((s) => s.name === BASELINE)?.gzipBytes ?? Number.NaN;
  const rows = sizes.map((s) => [s.name, kilobytes(s.minBytes), kilobytes(s.gzipBytes), ratio(s.gzipBytes, baseline)]);
  return markdownTable(["client (3 calls)", "min", "min+gzip", `vs ${BASELINE}`], rows);
}

const timeTable = (first: string, rows: ReadonlyArray<TypecheckTime | CodegenTime>) =>
  markdownTable([first, "median wall time"], rows.map((row) => ["name" in row ? row.name : row.generator, `${Math.round(row.ms)} ms`]));

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  console.error(`bench: generating clients (${RUNS} runs each)...`);
  const codegen = generateClients(RUNS);
  await bundleForNode("server.ts", "server.mjs");
  await bundleForNode("throughput.ts", "throughput.mjs");
  console.error("bench: requests/s...");
  const throughput = measureThroughput();
  console.error("bench: bundle sizes...");
  const bundles = await measureBundles();
  console.error(`bench: type-check times (${RUNS} runs each)...`);
  const typechecks = timeTypechecks(RUNS);

  const machine = `Node ${process.version}, ${os.cpus().length} x ${os.cpus()[0]?.model ?? "cpu"}, ${os.platform()}`;
  const report = [
    `Machine: ${machine}`,
    `Requests/s: median of ${throughput.rounds} rounds of ${throughput.requests} requests (after ${throughput.warmup} warm-up) each`,
    "",
    throughputTable(throughput.results, "requestsPerSecond"),
    "",
    "Client CPU time per request (this process only, user + system; lower is better):",
    "",
    throughputTable(throughput.results, "cpuMicrosPerRequest"),
    "",
    bundleTable(bundles),
    "",
    timeTable("type-check of a file calling every operation (tsc --noEmit)", typechecks),
    "",
    timeTable("codegen (CLI, from openapi/supply-api.yaml)", codegen),
  ].join("\n");
  console.log(report);
  writeFileSync(`${OUT}results.md`, `${report}\n`);
  writeFileSync(`${OUT}results.json`, `${JSON.stringify({ machine, throughput, bundles, typechecks, codegen }, null, 2)}\n`);
}

await main();
