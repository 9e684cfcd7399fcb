const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Reads a duration flag: `500ms`, `2s`, `1.5m`, `1h`, or a bare number of milliseconds (`250`).
 * Throws a message fit for "option --x: <message>" when the text is not a positive duration.
 */
export function parseDuration(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  const ms = match ? Number(match[1]) * (UNIT_MS[(match[2] ?? "ms").toLowerCase()] ?? 1) : Number.NaN;
  if (!(ms > 0)) throw new Error(`expected a positive duration like 500ms, 2s, 5m or 1h, got "${text}"`);
  return Math.round(ms);
}
