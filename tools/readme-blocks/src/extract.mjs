// @ts-check

/**
 * One fenced TypeScript block of a README and the markers above it.
 *
 * @typedef {object} Block
 * @property {string} readme path of the README, relative to the repository root
 * @property {number} line 1-based line of the block's first code line
 * @property {string} code
 * @property {string} [name] `<!-- name: x -->`: other blocks may continue it
 * @property {string} [continues] `<!-- continues: x -->`: the block is pasted after block x (and what x continues)
 * @property {string} [file] `<!-- file: test/setup.ts -->` or a first line `// test/setup.ts`: one file of the
 *   small project that all of the README's file blocks form
 * @property {string} [noRun] `<!-- no-run: reason -->`: type-checked, never run; the reason says why
 */

const fence = /^```(ts|typescript)\s*$/;
const marker = /^<!--\s*(name|continues|file|no-run):\s*(.*?)\s*-->\s*$/;
/** A first line naming the file, as READMEs often write it: `// test/setup.ts`. */
const fileHeader = /^\/\/ ((?:[\w.-]+\/)*[\w.-]+\.(?:[cm]?ts|tsx))\s*$/;

/**
 * Every ```ts / ```typescript block of a README, with the markers written in HTML comments on the
 * lines just above its fence (blank lines between them are allowed). A comment on those lines that
 * looks like a marker but is not one is an error: a typo must not silently turn a check off.
 *
 * @param {string} markdown
 * @param {string} readme
 * @returns {Block[]}
 */
export function extractBlocks(markdown, readme) {
  const lines = markdown.split("\n");
  /** @type {Block[]} */
  const blocks = [];
  for (let index = 0; index < lines.length; index += 1) {
    const opening = lines[index] ?? "";
    if (/^```/.test(opening) && !fence.test(opening)) {
      index = closingFence(lines, index, readme);
      continue;
    }
    if (!fence.test(opening)) continue;
    const end = closingFence(lines, index, readme);
    const code = lines.slice(index + 1, end).join("\n");
    const markers = markersAbove(lines, index, readme);
    const header = fileHeader.exec(lines[index + 1] ?? "")?.[1];
    blocks.push({ readme, line: index + 2, code, ...(header === undefined ? {} : { file: header }), ...markers });
    index = end;
  }
  return blocks;
}

/**
 * @param {string[]} lines
 * @param {number} opening
 * @param {string} readme
 */
function closingFence(lines, opening, readme) {
  for (let index = opening + 1; index < lines.length; index += 1) {
    if (/^```\s*$/.test(lines[index] ?? "")) return index;
  }
  throw new Error(`${readme}:${opening + 1}: code block is never closed`);
}

/**
 * @param {string[]} lines
 * @param {number} opening
 * @param {string} readme
 */
function markersAbove(lines, opening, readme) {
  /** @type {Partial<Pick<Block, "name" | "continues" | "file" | "noRun">>} */
  const markers = {};
  for (let index = opening - 1; index >= 0; index -= 1) {
    const text = (lines[index] ?? "").trim();
    if (text === "") continue;
    if (!text.startsWith("<!--")) break;
    const match = marker.exec(text);
    if (!match) {
      if (/^<!--\s*[\w-]+:/.test(text)) throw new Error(`${readme}:${index + 1}: unknown marker ${text} (known: name, continues, file, no-run)`);
      continue; // an ordinary comment, e.g. <!-- prettier-ignore -->
    }
    const [, key = "", value = ""] = match;
    if (value === "") throw new Error(`${readme}:${index + 1}: marker "${key}" needs a value`);
    markers[key === "no-run" ? "noRun" : /** @type {"name" | "continues" | "file"} */ (key)] = value;
  }
  return markers;
}
