// Busy-loop child processes that keep every core loaded, so a test that depends on the machine's
// speed fails under `pnpm test:stress` instead of once in a while in CI.
import { spawn } from "node:child_process";

/**
 * Spins until its parent is gone: a busy loop never runs timers or events, so it polls `ppid`
 * (which changes when the parent dies, even by SIGKILL) instead of waiting for a signal it might
 * never get.
 */
const spin = `const parent = process.ppid; for (let i = 0; ; i++) if (i % 1e7 === 0 && process.ppid !== parent) process.exit(0);`;

/**
 * Starts `count` busy loops (one per core by default) and returns them with a `stop` that kills
 * them all and resolves once each has exited. Safe to call more than once.
 * @param {number} count
 * @returns {{ pids: number[], stop: () => Promise<void> }}
 */
export function startCpuHogs(count) {
  const hogs = Array.from({ length: count }, () => spawn(process.execPath, ["-e", spin], { stdio: "ignore" }));
  const exited = hogs.map((hog) => new Promise((resolve) => (hog.exitCode !== null || hog.signalCode !== null ? resolve(undefined) : hog.once("exit", resolve))));
  return {
    pids: hogs.map((hog) => hog.pid ?? -1),
    stop: async () => {
      for (const hog of hogs) if (hog.exitCode === null && hog.signalCode === null) hog.kill("SIGKILL");
      await Promise.all(exited);
    },
  };
}
