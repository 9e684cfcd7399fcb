import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built bin, as `npm i -g @cdesk/cli` would run it. */
export const CDESK_BIN = fileURLToPath(new URL("../../bin/cdesk.js", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** An empty home and config directory, so no saved login of the machine's user is read. */
const EMPTY_HOME = mkdtempSync(join(tmpdir(), "cdesk-home-"));

/**
 * Environment for a child: the API's address and a token, nothing inherited that could change the
 * output (no CDESK_LOG, no saved login).
 */
export function cliEnv(baseUrl: string, extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: EMPTY_HOME,
    XDG_CONFIG_HOME: join(EMPTY_HOME, ".config"),
    CDESK_BASE_URL: baseUrl,
    CDESK_API_TOKEN: "test-token",
    ...extra,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}

/** Starts `cdesk ...args` as a child process; stdout and stderr are pipes, so it is not a TTY. */
export function startCli(args: string[], env: NodeJS.ProcessEnv, stdin: "ignore" | "pipe" = "ignore"): ChildProcess {
  return spawn(process.execPath, [CDESK_BIN, ...args], { env, stdio: [stdin, "pipe", "pipe"] });
}

/** Resolves once the child has exited, with everything it printed. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `cdesk ...args` to completion; `input`, when given, is its whole stdin. */
export function runCli(args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<CliResult> {
  const child = startCli(args, env, input === undefined ? "ignore" : "pipe");
  child.stdin?.end(input);
  return finished(child);
}
