// The JSONPath subset our overlay needs: a root `$` followed by member selectors, written `.name`
// or `['name']` / `["name"]`, and index selectors `[0]` (to narrow one branch of upstream's
// `anyOf` in place). Wildcards, recursive descent, negative indexes, slices and filters are refused
// with an error that names the target, because a silently mis-read target would drop one of our additions.

const DOT_NAME = /^\.([A-Za-z_$][\w$-]*)/;
const BRACKET_NAME = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/;
const INDEX = /^\[(0|[1-9][0-9]*)\]/;

/**
 * Splits an overlay target into member names (strings) and list indexes (numbers).
 * @param {string} target e.g. `$.paths['/offers/{offer_id}'].get.responses`
 * @returns {Array<string | number>} e.g. `["paths", "/offers/{offer_id}", "get", "responses"]`
 * @throws {Error} when the target uses JSONPath syntax outside `$`, `.name`, `['name']` and `[0]`
 */
export function parseTarget(target) {
  if (typeof target !== "string" || !target.startsWith("$")) {
    throw new Error(`overlay target ${JSON.stringify(target)} must be a JSONPath string starting with "$"`);
  }
  /** @type {Array<string | number>} */
  const names = [];
  let rest = target.slice(1);
  while (rest.length > 0) {
    const index = INDEX.exec(rest);
    if (index) {
      names.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    const dot = DOT_NAME.exec(rest);
    const bracket = dot ? null : BRACKET_NAME.exec(rest);
    const match = dot ?? bracket;
    if (!match) {
      const position = target.length - rest.length;
      throw new Error(
        `overlay target ${JSON.stringify(target)}: unsupported JSONPath syntax at position ${position} ` +
          `(${JSON.stringify(rest.slice(0, 12))}); only "$", ".name", "['name']" and "[0]" selectors are supported`,
      );
    }
    names.push(dot ? /** @type {string} */ (dot[1]) : unescapeQuoted(/** @type {string} */ (match[2])));
    rest = rest.slice(match[0].length);
  }
  return names;
}

/**
 * Writes member names and indexes back as a target, in the form `parseTarget` reads.
 * @param {ReadonlyArray<string | number>} names
 * @returns {string}
 */
export function formatTarget(names) {
  return (
    "$" +
    names
      .map((name) =>
        typeof name === "number" ? `[${name}]` : /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `['${name.replace(/[\\']/g, "\\$&")}']`,
      )
      .join("")
  );
}

/** @param {string} quoted */
function unescapeQuoted(quoted) {
  return quoted.replace(/\\(.)/g, "$1");
}
