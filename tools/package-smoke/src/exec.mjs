// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {{ cwd?: string, env?: NodeJS.ProcessEnv, input?: string, killAfterMs?: number }} RunOptions
 *   `killAfterMs`: a child still running then is killed and the run rejects, so a process that
 *   never exits (a timer or socket left open) fails loudly and is not left behind.
 * @typedef {{ stdout: string, stderr: string }} RunOutput
 */

/**
 * Runs a command to completion without a shell (arguments are never re-parsed) and resolves with
 * its output; rejects with an error naming the command, its exit code and the end of its output,
 * so a failing test says what broke without a second run.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {RunOptions} [options]
 * @returns {Promise<RunOutput>}
 */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      // No input: stdin is /dev/null, so a child that exits before reading cannot raise EPIPE.
      stdio: [options.input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let killed = false;
    const killer =
      options.killAfterMs === undefined
        ? undefined
        : setTimeout(() => {
            killed = true;
            child.kill("SIGKILL");
          }, options.killAfterMs);
    // stdout and stderr are always pipes (stdio above), so never null.
    /** @type {import("node:stream").Readable} */ (child.stdout).setEncoding("utf8").on("data", (chunk) => (stdout += chunk));
    /** @type {import("node:stream").Readable} */ (child.stderr).setEncoding("utf8").on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(killer);
      if (code === 0) return resolve({ stdout, stderr });
      const shown = [command, ...args].join(" ");
      if (killed) stderr += `\n(killed: still running after ${options.killAfterMs} ms)`;
      const tail = `${stdout}\n${stderr}`.trim().split("\n").slice(-60).join("\n");
      reject(new Error(`\`${shown}\` exited with ${code ?? signal} in ${options.cwd ?? process.cwd()}\n${tail}`));
    });
    if (child.stdin) {
      // A child may exit before reading all of its input; its exit code says what happened.
      child.stdin.on("error", () => {});
      child.stdin.end(options.input);
    }
  });
}
