// @ts-check
import { spawn } from "node:child_process";

/**
 * @typedef {{ code: number | null, signal: NodeJS.Signals | null, output: string }} RunResult
 */

/** A block or example step that has not finished by then is stuck; it is killed so nothing is left behind. */
const defaultHangLimitMs = 60_000;

/**
 * Runs a command to its end without a shell and resolves with its exit and its interleaved output
 * (stdout and stderr); the caller decides what a failure is.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, hangLimitMs?: number }} options
 * @returns {Promise<RunResult>}
 */
export function runCommand(command, args, { cwd, env = process.env, hangLimitMs = defaultHangLimitMs }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], timeout: hangLimitMs, killSignal: "SIGKILL" });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, output }));
  });
}

/**
 * Like {@link runCommand}, but a non-zero exit rejects with the command and the end of its output.
 *
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, hangLimitMs?: number }} options
 */
export async function runOrThrow(command, args, options) {
  const result = await runCommand(command, args, options);
  if (result.code === 0) return result;
  const tail = result.output.trim().split("\n").slice(-60).join("\n");
  throw new Error(`\`${[command, ...args].join(" ")}\` exited with ${result.code ?? result.signal} in ${options.cwd}\n${tail}`);
}
