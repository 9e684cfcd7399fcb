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
  if (!expiresAt) return "-";
  const expiry = Date.parse(expiresAt);
  if (Number.isNaN(expiry)) return "-";
  const left = expiry - now.getTime();
  return left <= 0 ? "expired" : formatDuration(left);
}

function pad(value: number): string {
  return String(value).padStart(2, "0");
}
