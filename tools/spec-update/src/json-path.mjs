// The JSONPath subset our overlay needs: a root `$` followed by member selectors, written `.name`
// or `['name']` / `["name"]`. Wildcards, recursive descent, indexes and filters are refused with an
// error that names the target, because a silently mis-read target would drop one of our additions.

const DOT_NAME = /^\.([A-Za-z_$][\w$-]*)/;
const BRACKET_NAME = /^\[(['"])((?:\\.|(?!\1)[^\\])*)\1\]/;

/**
 * Splits an overlay target into member names.
 * @param {string} target e.g. `$.paths['/offers/{offer_id}'].get.responses`
 * @returns {string[]} e.g. `["paths", "/offers/{offer_id}", "get", "responses"]`
 * @throws {Error} when the target uses JSONPath syntax outside `$`, `.name` and `['name']`
 */
export function parseTarget(target) {
  if (typeof target !== "string" || !target.startsWith("$")) {
    throw new Error(`overlay target ${JSON.stringify(target)} must be a JSONPath string starting with "$"`);
  }
  /** @type {string[]} */
  const names = [];
  let rest = target.slice(1);
  while (rest.length > 0) {
    const dot = DOT_NAME.exec(rest);
    const bracket = dot ? null : BRACKET_NAME.exec(rest);
    const match = dot ?? bracket;
    if (!match) {
      const position = target.length - rest.length;
      throw new Error(
        `overlay target ${JSON.stringify(target)}: unsupported JSONPath syntax at position ${position} ` +
          `(${JSON.stringify(rest.slice(0, 12))}); only "$", ".name" and "['name']" member selectors are supported`,
      );
    }
    names.push(dot ? /** @type {string} */ (dot[1]) : unescapeQuoted(/** @type {string} */ (match[2])));
    rest = rest.slice(match[0].length);
  }
  return names;
}

/**
 * Writes member names back as a target, in the form `parseTarget` reads.
 * @param {readonly string[]} names
 * @returns {string}
 */
export function formatTarget(names) {
  return (
    "$" +
    names
      .map((name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `['${name.replace(/[\\']/g, "\\$&")}']`))
      .join("")
  );
}

/** @param {string} quoted */
function unescapeQuoted(quoted) {
  return quoted.replace(/\\(.)/g, "$1");
}
