// @ts-check

/**
 * @typedef {import("./extract.mjs").Block} Block
 * @typedef {{ readme: string, line: number }} Origin
 * @typedef {object} ModuleUnit one block, compiled and run as one module with the chain it continues
 * @property {"module"} kind
 * @property {string} id file stem, unique in the repository, e.g. packages-client-L18
 * @property {Block} block the block this unit checks (the last of its chain)
 * @property {string} code the chain's code, earlier blocks first
 * @property {Origin[]} origins README position of each line of `code`
 * @property {boolean} run
 * @typedef {object} ProjectUnit all `file:` blocks of one README, compiled (and run) together
 * @property {"project"} kind
 * @property {string} id directory name, e.g. packages-mock-files
 * @property {string} readme
 * @property {{ path: string, block: Block }[]} files
 * @property {boolean} run
 * @typedef {ModuleUnit | ProjectUnit} Unit
 */

/**
 * Turns a README's blocks into what is compiled and run: one module per block (its `continues`
 * chain pasted before it, as a reader would), and one project of all the README's `file:` blocks.
 *
 * @param {Block[]} blocks the blocks of one README, in order
 * @returns {Unit[]}
 */
export function unitsOf(blocks) {
  const stem = stemOf(blocks[0]?.readme ?? "");
  /** @type {Map<string, Block>} */
  const named = new Map();
  /** @type {Unit[]} */
  const units = [];
  const fileBlocks = blocks.filter((block) => block.file !== undefined);
  for (const block of blocks) {
    if (block.file !== undefined) {
      if (block.name !== undefined || block.continues !== undefined) throw new Error(`${where(block)}: a file block cannot be named or continue another`);
      continue;
    }
    const chain = [...chainBefore(block, named), block];
    units.push({
      kind: "module",
      id: `${stem}-L${block.line}`,
      block,
      code: chain.map((part) => part.code).join("\n"),
      origins: chain.flatMap((part) => part.code.split("\n").map((/** @type {string} */ _, /** @type {number} */ offset) => ({ readme: part.readme, line: part.line + offset }))),
      run: chain.every((part) => part.noRun === undefined),
    });
    if (block.name !== undefined) {
      if (named.has(block.name)) throw new Error(`${where(block)}: a block named "${block.name}" already exists in this README`);
      named.set(block.name, block);
    }
  }
  if (fileBlocks.length > 0) {
    const paths = new Set();
    for (const block of fileBlocks) {
      const path = /** @type {string} */ (block.file);
      if (paths.has(path) || path.startsWith("/") || path.split("/").includes("..")) throw new Error(`${where(block)}: file "${path}" is repeated or leaves the project`);
      paths.add(path);
    }
    units.push({
      kind: "project",
      id: `${stem}-files`,
      readme: /** @type {Block} */ (fileBlocks[0]).readme,
      files: fileBlocks.map((block) => ({ path: /** @type {string} */ (block.file), block })),
      run: fileBlocks.every((block) => block.noRun === undefined),
    });
  }
  return units;
}

/**
 * @param {Block} block
 * @param {Map<string, Block>} named blocks named so far (a block continues an earlier one only)
 * @returns {Block[]}
 */
function chainBefore(block, named) {
  /** @type {Block[]} */
  const chain = [];
  for (let current = block; current.continues !== undefined; ) {
    const previous = named.get(current.continues);
    if (!previous) throw new Error(`${where(current)}: continues "${current.continues}", but no earlier block of this README has that name`);
    chain.unshift(previous);
    current = previous;
  }
  return chain;
}

/** @param {string} readme e.g. packages/client/README.md */
function stemOf(readme) {
  const dir = readme.split("/").slice(0, -1).join("-");
  return dir === "" ? "root" : dir;
}

/** @param {Block} block */
export function where(block) {
  return `${block.readme}:${block.line}`;
}
