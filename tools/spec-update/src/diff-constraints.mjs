// Constraint-only changes (pattern, lengths, bounds, format...): the type stays, the set of values
// accepted moves. Each one is itemised; for a request, a stricter constraint is breaking (the server
// refuses what it accepted), for a response a changed or dropped `format` is (clients parse by it).

/** @typedef {import("./diff-schemas.mjs").Direction} Direction */

/** A larger value accepts fewer values. */
const LOWER_BOUNDS = new Set(["minLength", "minimum", "exclusiveMinimum", "minItems", "minProperties"]);
/** A smaller value accepts fewer values. */
const UPPER_BOUNDS = new Set(["maxLength", "x-max-utf8-bytes", "maximum", "exclusiveMaximum", "maxItems", "maxProperties"]);

/**
 * @param {Record<string, unknown> | undefined} before
 * @param {Record<string, unknown> | undefined} after
 * @param {Direction} direction
 * @param {(breaking: boolean, change: string) => void} report
 */
export function diffConstraints(before = {}, after = {}, direction, report) {
  for (const keyword of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = before[keyword];
    const now = after[keyword];
    if (JSON.stringify(old) === JSON.stringify(now)) continue;
    const stricter = isStricter(keyword, old, now);
    const breaking = direction === "request" ? stricter : keyword === "format" && old !== undefined;
    const show = (/** @type {unknown} */ value) => JSON.stringify(value);
    const change =
      old === undefined
        ? `constraint added: ${keyword} ${show(now)}`
        : now === undefined
          ? `constraint removed: ${keyword} ${show(old)}`
          : `constraint changed: ${keyword} ${show(old)} → ${show(now)}`;
    report(breaking, `${change} (${stricter ? "stricter" : "looser"})`);
  }
}

/**
 * Whether the new constraint can refuse a value the old one accepted.
 * @param {string} keyword @param {unknown} old @param {unknown} now
 */
function isStricter(keyword, old, now) {
  if (now === undefined) return false;
  if (old === undefined) return keyword !== "uniqueItems" || now === true;
  if (LOWER_BOUNDS.has(keyword)) return Number(now) > Number(old);
  if (UPPER_BOUNDS.has(keyword)) return Number(now) < Number(old);
  if (keyword === "uniqueItems") return now === true;
  // A changed pattern, format or multipleOf may refuse values the old one accepted.
  return true;
}
