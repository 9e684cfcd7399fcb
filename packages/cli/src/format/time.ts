/** Human durations for tables and progress lines: `45s`, `3m 05s`, `1h 02m`. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(seconds)}s`;
  return `${seconds}s`;
}

/**
 * How long until `expiresAt`, as people read it in a table: `29m 12s`, or `expired`.
 * Offers expire 30 minutes after creation, so the time left matters more than the timestamp.
 */
export function timeLeft(expiresAt: string | null | undefined, now: Date): string {
  const expiry = parseServerTime(expiresAt);
  if (expiry === undefined) return "-";
  const left = expiry - now.getTime();
  return left <= 0 ? "expired" : formatDuration(left);
}

/**
 * A server timestamp in milliseconds since the epoch. One without an offset
 * (`2026-12-01T22:07:03.538090`, what a FastAPI service gives for `datetime.utcnow()`) is UTC:
 * `Date.parse` would read it as local time, and in Berlin every fresh offer would show "expired".
 */
export function parseServerTime(text: string | null | undefined): number | undefined {
  if (!text) return undefined;
  const dateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text.trim());
  const ms = Date.parse(dateTime ? `${text.trim().replace(" ", "T")}Z` : text);
  return Number.isNaN(ms) ? undefined : ms;
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
