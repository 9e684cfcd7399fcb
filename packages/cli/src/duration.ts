const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** What a duration flag accepts, shown whenever one is refused. */
export const DURATION_FORMS = "a number with a unit: 500ms, 30s, 5m, 1h or 1h30m";

/**
 * Reads a duration flag: `500ms`, `30s`, `1.5m`, `1h`, or parts added up (`1h30m`, `2m 30s`).
 * A bare number is refused: `--interval 5` could mean 5 ms or 5 s, and guessing wrong sent
 * hundreds of requests a second. Throws a message fit for "option --x: <message>".
 */
export function parseDuration(text: string): number {
  const parts = text.trim().toLowerCase().match(/\d+(?:\.\d+)?\s*(?:ms|s|m|h)/g);
  const rest = text.toLowerCase().replace(/\d+(?:\.\d+)?\s*(?:ms|s|m|h)/g, "").trim();
  if (!parts || rest !== "") {
    const unitless = /^\s*\d+(?:\.\d+)?\s*$/.test(text);
    throw new Error(`${unitless ? "a duration needs a unit" : "not a duration"}: expected ${DURATION_FORMS}, got "${text}"`);
  }
  const ms = parts.reduce((total, part) => {
    const [, amount, unit] = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/.exec(part)!;
    return total + Number(amount) * UNIT_MS[unit!]!;
  }, 0);
  if (!(ms > 0)) throw new Error(`expected a duration above zero (${DURATION_FORMS}), got "${text}"`);
  return Math.round(ms);
}
