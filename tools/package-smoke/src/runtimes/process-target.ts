import { join } from "node:path";
import { run } from "../exec.mjs";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";

/** A runtime that runs a lifecycle entry as a process: Node, Deno, Bun. */
export interface ProcessTarget {
  /** The runtime's binary. */
  command: string;
  /** Arguments before the entry file (e.g. Deno's `run --allow-net=...`). */
  args?: readonly string[];
  env?: NodeJS.ProcessEnv;
}

/**
 * Longer than any lifecycle takes; a process still running then has left a timer, a socket or a
 * child open, and is killed and reported (it must exit on its own once the work is done).
 */
const mustExitWithinMs = 90_000;

/**
 * Runs `lifecycle/<entry>` from the consumer project (the installed tarballs) with the config as
 * its argument, and returns the report it prints as its last line.
 */
export async function runLifecycleProcess(target: ProcessTarget, consumerDir: string, entry: string, config: LifecycleConfig): Promise<Record<string, unknown>> {
  const { stdout } = await run(target.command, [...(target.args ?? []), join("lifecycle", entry), JSON.stringify(config)], {
    cwd: consumerDir,
    env: target.env ?? process.env,
    killAfterMs: mustExitWithinMs,
  });
  const last = stdout.trim().split("\n").at(-1) ?? "";
  try {
    return JSON.parse(last) as Record<string, unknown>;
  } catch {
    throw new Error(`${entry} printed no report; its output:\n${stdout}`);
  }
}
