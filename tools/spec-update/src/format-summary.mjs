// The summary a maintainer reads in the terminal and a user reads in the changelog.

/** @typedef {import("./diff-schemas.mjs").Change} Change */

/**
 * @param {Change} change
 * @returns {string} e.g. `BREAKING  response  OfferStatus.progress: may now be null`
 */
export function formatChange(change) {
  const scope = change.scope === "operation" ? "" : `${change.scope} `;
  return `${change.breaking ? "BREAKING" : "        "}  ${scope}${change.where}: ${change.change}`;
}

/**
 * Breaking changes first, then the rest, then the overlay actions that no longer apply.
 * @param {Change[]} changes
 * @param {string[]} [warnings] overlay actions whose target is gone
 * @returns {string}
 */
export function formatSummary(changes, warnings = []) {
  const breaking = changes.filter((c) => c.breaking);
  const other = changes.filter((c) => !c.breaking);
  const head =
    changes.length === 0
      ? "No change for users of the API."
      : `${breaking.length} breaking change${breaking.length === 1 ? "" : "s"}, ${other.length} other change${other.length === 1 ? "" : "s"}:`;
  const lines = [head, ...readingOrder(changes).map(formatChange), ...warnings.map((w) => `WARNING   ${w}`)];
  return lines.join("\n");
}

/**
 * The same summary as a Markdown list, for the changeset (and so for the changelog).
 * @param {Change[]} changes
 * @returns {string}
 */
export function formatMarkdown(changes) {
  return readingOrder(changes)
    .map((c) => `- ${c.breaking ? "**BREAKING** " : ""}${c.scope === "operation" ? "" : `${c.scope} `}\`${c.where}\`: ${c.change}`)
    .join("\n");
}

/**
 * Breaking before the rest; within each, whole operations before their details (stable otherwise).
 * @param {Change[]} changes
 */
function readingOrder(changes) {
  const rank = (/** @type {Change} */ c) => (c.breaking ? 0 : 2) + (c.scope === "operation" ? 0 : 1);
  return [...changes].sort((a, b) => rank(a) - rank(b));
}
