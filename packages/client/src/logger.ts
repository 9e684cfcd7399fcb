/**
 * One log line per HTTP attempt: method, path, status (or what went wrong), duration, attempt.
 * Lines are built from the request target and the response only, never from request headers,
 * so the bearer token cannot reach a log.
 */

/** How much the client logs. `CDESK_LOG` sets it from the environment. */
export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console-like methods; `console` is the default. Each call receives one line. */
export interface CdeskLogger {
  /** Receives the lines of level `debug`. */
  debug(line: string): void;
  /** Receives the lines of level `info`. */
  info(line: string): void;
  /** Receives the lines of level `warn`. */
  warn(line: string): void;
  /** Receives the lines of level `error`. */
  error(line: string): void;
}

export const LOG_LEVELS: readonly LogLevel[] = ["debug", "info", "warn", "error", "off"];

/** What happened in one attempt. */
export interface AttemptRecord {
  method: string;
  /** The request URL's path, e.g. `/offers/3f6c.../status`. */
  url: string;
  /** The HTTP status, or a word for why there is none (`timeout`, `network error`, `aborted`). */
  outcome: number | string;
  durationMs: number;
  attempt: number;
  attempts: number;
  requestId?: string | null | undefined;
  /** Set when another attempt follows after this delay. */
  retryInMs?: number | undefined;
}

/** The severities an attempt is logged at. */
type Severity = Exclude<LogLevel, "off">;

/**
 * A writer for each severity at or above the configured level, the others absent: callers write
 * `log.debug?.(record(...))`, so at the default level a success builds no record at all.
 */
export type AttemptLog = { readonly [S in Severity]?: (record: AttemptRecord) => void };

export function createAttemptLog(logger: CdeskLogger, level: LogLevel): AttemptLog {
  const threshold = LOG_LEVELS.indexOf(level);
  const log: { [S in Severity]?: (record: AttemptRecord) => void } = {};
  for (const severity of ["debug", "info", "warn", "error"] as const) {
    if (LOG_LEVELS.indexOf(severity) >= threshold) log[severity] = (record) => logger[severity](formatAttempt(record));
  }
  return log;
}

export function formatAttempt(record: AttemptRecord): string {
  const parts = [
    `[cdesk] ${record.method} ${pathOf(record.url)} ${record.outcome} ${record.durationMs}ms`,
    `attempt ${record.attempt}/${record.attempts}`,
  ];
  if (record.requestId) parts.push(`request-id ${record.requestId}`);
  if (record.retryInMs !== undefined) parts.push(`retrying in ${record.retryInMs}ms`);
  return parts.join(" ");
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}
