/** Runs a command to completion and says how long it took (wall clock, including Node start-up). */
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { median } from "./stats.js";

export const BENCH_DIR = new URL("..", import.meta.url).pathname;
export const BIN = (name: string) => `${BENCH_DIR}node_modules/.bin/${name}`;

export function timeCommand(command: string, args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: BENCH_DIR, encoding: "utf8" });
  const elapsed = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} exited with ${result.status}:\n${result.stdout}\n${result.stderr}`);
  }
  return elapsed;
}

/** Median wall time of `runs` runs, in milliseconds. */
export function medianTime(runs: number, command: string, args: readonly string[]): number {
  return median(Array.from({ length: runs }, () => timeCommand(command, args)));
}
