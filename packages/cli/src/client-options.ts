import type { CdeskClientOptions, CdeskLogger, FetchLike } from "@cdesk/client";
import type { Connection } from "./config.js";
import { BlockedPortError, UsageError } from "./errors.js";
import type { Runtime } from "./runtime.js";

/** The flags that change how the client talks, not where to. */
export interface ClientFlags {
  /**
   * `--verbose`: the client's line for every HTTP attempt, on stderr.
   * @default false (CDESK_LOG sets a level; without either, no lines)
   * @example cdesk --verbose gpus
   */
  verbose?: boolean;
  /**
   * `--allow-insecure-http`: send the token over plain http to a host that is not loopback.
   * @default false
   * @example cdesk --base-url http://mock.internal:4010 --allow-insecure-http gpus
   */
  allowInsecureHttp?: boolean;
}

const LOG_LEVELS = ["debug", "info", "warn", "error", "off"] as const;

/** What the CLI saw of its requests, for error messages: the last URL tried. */
export interface RequestTrail {
  lastUrl?: string;
}

/**
 * The client as the command line needs it: quiet unless `--verbose` or `CDESK_LOG` asks for its
 * lines (on stderr), and a fetch that notes each URL tried and stops at once on a port fetch refuses.
 */
export function clientOptions(
  connection: Connection,
  flags: ClientFlags,
  runtime: Pick<Runtime, "env" | "stderr">,
  trail: RequestTrail,
): CdeskClientOptions {
  return {
    ...connection,
    ...(flags.allowInsecureHttp && { allowInsecureHttp: true }),
    logLevel: logLevel(flags, runtime.env),
    logger: stderrLogger(runtime.stderr),
    fetch: tracedFetch(trail),
  };
}

function logLevel(flags: ClientFlags, env: Record<string, string | undefined>): CdeskClientOptions["logLevel"] {
  if (flags.verbose) return "debug";
  const level = env.CDESK_LOG?.trim().toLowerCase();
  if (!level) return "off";
  if (!(LOG_LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(`CDESK_LOG must be one of ${LOG_LEVELS.join(", ")}, got "${env.CDESK_LOG}".`);
  }
  return level as (typeof LOG_LEVELS)[number];
}

function stderrLogger(stderr: Runtime["stderr"]): CdeskLogger {
  const write = (line: string) => void stderr.write(`${line}\n`);
  return { debug: write, info: write, warn: write, error: write };
}

/** Looked up at each call, like the client's default, so a test's stub of globalThis.fetch applies. */
function tracedFetch(trail: RequestTrail): FetchLike {
  return (url, init) => {
    trail.lastUrl = printableUrl(url);
    return globalThis.fetch(url, init).catch((error: unknown) => {
      if ((error as { cause?: { message?: unknown } })?.cause?.message === "bad port") throw new BlockedPortError(url);
      throw error;
    });
  };
}

/** Scheme, host and path: never a password in the URL, nor the query. */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return "(an invalid URL)";
  }
}
