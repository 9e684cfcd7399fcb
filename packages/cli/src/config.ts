import { UsageError } from "./errors.js";
import { readFlagFile } from "./input-files.js";
import type { Runtime } from "./runtime.js";

/** The global flags that say where the API is and who you are. */
export interface ConnectionFlags {
  baseUrl?: string;
  tokenFile?: string;
  header?: Record<string, string>;
}

/** What the client is built with; a missing token is left for the client to report. */
export interface Connection {
  token?: string;
  baseUrl?: string;
  headers?: Record<string, string>;
}

/**
 * Flags win over the environment: `--token-file` over `CDESK_API_TOKEN`, `--base-url` over
 * `CDESK_BASE_URL`. The token is read from a file rather than a flag so it stays out of shell
 * history and `ps`.
 */
export async function resolveConnection(flags: ConnectionFlags, runtime: Pick<Runtime, "env" | "readFile">): Promise<Connection> {
  const token = flags.tokenFile !== undefined ? await readTokenFile(flags.tokenFile, runtime) : nonEmpty(runtime.env.CDESK_API_TOKEN);
  const baseUrl = nonEmpty(flags.baseUrl) ?? nonEmpty(runtime.env.CDESK_BASE_URL);
  return { ...(token && { token }), ...(baseUrl && { baseUrl }), ...(flags.header && { headers: flags.header }) };
}

async function readTokenFile(path: string, runtime: Pick<Runtime, "readFile">): Promise<string> {
  const token = (await readFlagFile(runtime, "--token-file", path)).trim();
  if (!token) throw new UsageError(`--token-file ${path} is empty: it should hold only the API token.`);
  return token;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
