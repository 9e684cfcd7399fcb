import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { request } from "node:http";
import { createServer } from "node:net";

/**
 * Prism runs as a child process of the prism-cli binary, not in-process. Why:
 * - its CLI is the only supported entry point; the server API (prism-http-server) is
 *   internal, and the pinned 5.12/5.8 sub-packages are not our direct dependencies;
 * - Prism's global logging (pino/signale to stdout) stays out of the host's (vitest's) output;
 * - a process can be ended for sure: detached in its own process group, killed as a group.
 * The cost is ~1 s of start-up (measured: see README).
 *
 * The child runs behind a watchdog: it exits when its stdin closes, i.e. when this process
 * dies, even by SIGKILL, so an interrupted test run leaves no orphan Prism without this
 * module having to take over the host's SIGINT/SIGTERM handling. On the way out it removes
 * the directory Prism's spec was written to, which the dead host can no longer remove.
 */
const WATCHDOG = [
  "const { rmSync } = require('node:fs');",
  "const dir = process.env.CDESK_MOCK_OWNED_DIR;",
  // 'exit' also runs when Prism ends by itself, e.g. on EPIPE once the host's end of its stdout is gone.
  "process.on('exit', () => { if (dir) rmSync(dir, { recursive: true, force: true }); });",
  "process.stdin.on('end', () => process.exit(0)).on('error', () => process.exit(0)).resume();",
  // yargs reads process.argv.slice(2): put the bin where a script path would be.
  "process.argv.splice(1, 0, process.env.CDESK_MOCK_PRISM_BIN);",
  "require(process.env.CDESK_MOCK_PRISM_BIN);",
].join("\n");

/** Keeps the end of Prism's output for error messages without growing without bound. */
const OUTPUT_LIMIT = 16 * 1024;

export interface PrismProcess {
  readonly pid: number;
  readonly port: number;
  /** What Prism printed so far (the last 16 KB). */
  output(): string;
  /** Ends Prism and its process group; resolves once it has exited. */
  stop(): Promise<void>;
}

export interface PrismLaunch {
  /** `["mock", spec, ...]` or `["proxy", spec, upstream, ...]`, without host/port. */
  readonly args: readonly string[];
  readonly startTimeoutMs: number;
  /**
   * A directory that lives as long as Prism (its spec): removed when the host exits or dies
   * without `stop()`. After `stop()` the caller removes it.
   */
  readonly ownedDir?: string;
}

function prismBinPath(): string {
  return createRequire(import.meta.url).resolve("@stoplight/prism-cli/dist/index.js");
}

/** A free loopback port (Prism cannot be asked for port 0 and report it back). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** True once anything answers HTTP on the port (Prism has no health endpoint). */
function answersHttp(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: "127.0.0.1", port, path: "/", method: "GET", agent: false }, (response) => {
      response.resume();
      resolve(true);
    });
    probe.once("error", () => resolve(false));
    probe.setTimeout(1000, () => probe.destroy());
    probe.end();
  });
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal);
  }
}

export async function startPrism(launch: PrismLaunch): Promise<PrismProcess> {
  const port = await findFreePort();
  const bin = prismBinPath();
  const child = spawn(process.execPath, ["-e", WATCHDOG, "--", ...launch.args, "--host", "127.0.0.1", "--port", String(port)], {
    detached: true,
    stdio: ["pipe", "pipe", "pipe"],
    env: { ...process.env, CDESK_MOCK_PRISM_BIN: bin, CDESK_MOCK_OWNED_DIR: launch.ownedDir ?? "", FORCE_COLOR: "0", NO_COLOR: "1" },
  });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.pid === undefined) return; // never started: nothing to end
    killGroup(child, "SIGTERM");
    const escalate = setTimeout(() => killGroup(child, "SIGKILL"), 2000);
    await exited;
    clearTimeout(escalate);
    child.stdin?.destroy();
  };
  const forgetExit = onHostExit(() => {
    killGroup(child, "SIGKILL");
    // The watchdog, killed too, cannot remove it: an 'exit' listener may only work synchronously.
    if (launch.ownedDir) rmSync(launch.ownedDir, { recursive: true, force: true });
  });
  const prism: PrismProcess = {
    pid: child.pid as number,
    port,
    output: () => output,
    stop: () => stop().finally(forgetExit),
  };
  try {
    await waitUntilReady(child, port, launch.startTimeoutMs, () => output);
  } catch (error) {
    await prism.stop();
    throw error;
  }
  return prism;
}

async function waitUntilReady(child: ChildProcess, port: number, timeoutMs: number, output: () => string): Promise<void> {
  const startedAt = Date.now();
  let exitDescription: string | undefined;
  child.once("exit", (code, signal) => {
    exitDescription = signal ? `was killed by ${signal}` : `exited with code ${code}`;
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  for (let delay = 25; ; delay = Math.min(delay * 2, 100)) {
    if (spawnError) throw new Error(`Could not start Prism: ${spawnError.message}`, { cause: spawnError });
    if (exitDescription) throw new Error(`Prism ${exitDescription} before it was ready. Its output:\n${output()}`);
    if (await answersHttp(port)) return;
    if (Date.now() - startedAt > timeoutMs) {
      throw new Error(`Prism did not answer on port ${port} within ${timeoutMs} ms. Its output:\n${output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Prisms to kill if the host exits without calling close(). */
const killOnExit = new Set<() => void>();
const killAll = () => killOnExit.forEach((kill) => kill());

/**
 * A plain 'exit' listener only (one for all mocks): it runs on process.exit() and normal ends
 * and does not change how the host handles signals (signals and crashes are covered by the
 * watchdog above). Removed again when the last mock closes.
 */
function onHostExit(kill: () => void): () => void {
  if (killOnExit.size === 0) process.on("exit", killAll);
  killOnExit.add(kill);
  return () => {
    killOnExit.delete(kill);
    if (killOnExit.size === 0) process.off("exit", killAll);
  };
}
