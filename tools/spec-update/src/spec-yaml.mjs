// The one YAML style the tool writes (upstream.yaml, supply-api.yaml), so that files it writes
// compare byte for byte and diffs show content, not formatting.
import { parse, stringify } from "yaml";

/** @type {import("yaml").ToStringOptions & import("yaml").DocumentOptions & import("yaml").CreateNodeOptions} */
const STYLE = { lineWidth: 100, singleQuote: true, aliasDuplicateObjects: false, version: "1.2" };

/**
 * @param {unknown} document
 * @param {string} header comment lines (without `#`) written above the document
 * @returns {string}
 */
export function toYaml(document, header) {
  const comment = header
    .split("\n")
    .map((line) => (line ? `# ${line}` : "#"))
    .join("\n");
  return `${comment}\n${stringify(document, STYLE)}`;
}

/**
 * Parses YAML (or JSON, which is YAML 1.2) without turning `'200'` keys or dates into other types.
 * @param {string} text
 * @returns {unknown}
 */
export function fromYaml(text) {
  return parse(text, { version: "1.2", schema: "core", uniqueKeys: true });
}
