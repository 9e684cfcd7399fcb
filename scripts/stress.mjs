#!/usr/bin/env node
// pnpm test:stress [--runs N] [--hogs N] [-- command ...]
// Runs the whole test suite (default: `pnpm test --continue`) N times in a row (default 5) with a busy loop on
// every core, turbo's cache off so every run really runs. Prints each run's result and exits 1 if
// any failed. The busy loops are killed at the end, whatever happens: success, failure, Ctrl-C.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startCpuHogs } from "./cpu-hogs.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: "string", default: "5" }, hogs: { type: "string", default: String(availableParallelism()) } },
});
const runs = Number(values.runs);
const hogCount = Number(values.hogs);
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(hogCount) || hogCount < 0) {
  console.error("Usage: pnpm test:stress [--runs N (>= 1, default 5)] [--hogs N (default: one per core)] [-- command ...]");
  process.exit(2);
}
// --continue: turbo runs every package's tests even after one fails, so a run shows every failure.
const [command, ...args] = positionals.length > 0 ? positionals : [join(root, "node_modules", ".bin", "pnpm"), "test", "--continue"];

const hogs = startCpuHogs(hogCount);
/** @type {import("node:child_process").ChildProcess | undefined} */
let current;
let stopping = false;

/** Kills the running suite (its whole process group) and the busy loops, then exits. */
async function stop(/** @type {NodeJS.Signals} */ signal) {
  if (stopping) return;
  stopping = true;
  if (current?.pid !== undefined && current.exitCode === null) {
    try {
      process.kill(-current.pid, "SIGTERM");
    } catch {}
  }
  await hogs.stop();
  console.error(`\ntest:stress: stopped by ${signal}; busy loops killed`);
  process.exit(130);
}
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) process.on(signal, () => void stop(signal));

/** @returns {Promise<number>} the exit status of one run */
function runOnce() {
  return new Promise((resolve) => {
    // Its own process group, so Ctrl-C reaches it through stop() and every grandchild goes with it.
    current = spawn(command, args, { cwd: root, stdio: "inherit", detached: true, env: { ...process.env, TURBO_FORCE: "true" } });
    current.on("error", (error) => {
      console.error(`test:stress: cannot run ${command}: ${error.message}`);
      resolve(127);
    });
    current.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

/** @type {Array<{ run: number, status: number, seconds: number }>} */
const results = [];
try {
  console.log(`test:stress: ${runs} run(s) of \`${[command, ...args].join(" ")}\` with ${hogCount} busy loop(s) (pids ${hogs.pids.join(", ")})`);
  for (let run = 1; run <= runs; run++) {
    const started = performance.now();
    const status = await runOnce();
    if (stopping) break;
    const seconds = (performance.now() - started) / 1000;
    results.push({ run, status, seconds });
    console.log(`\ntest:stress: run ${run}/${runs} ${status === 0 ? "passed" : `FAILED (exit ${status})`} in ${seconds.toFixed(1)} s\n`);
  }
} finally {
  await hogs.stop();
}
const failed = results.filter((result) => result.status !== 0);
console.log(`test:stress: ${failed.length} failure(s) in ${results.length} run(s) under ${hogCount} busy loop(s)`);
for (const { run, status, seconds } of results) console.log(`  run ${run}: ${status === 0 ? "passed" : `failed (exit ${status})`}, ${seconds.toFixed(1)} s`);
process.exitCode = failed.length === 0 ? 0 : 1;
