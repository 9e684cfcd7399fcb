// @ts-check
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { extractBlocks } from "./extract.mjs";
import { unitsOf } from "./units.mjs";

/** Where READMEs live: the root and one level of package directories. */
const readmeDirs = ["", "packages", "tools", "examples", "bench", "openapi"];

/**
 * Every README.md of the repository (root, packages/*, tools/*, examples/*, and the root's other
 * folders), as paths relative to the root, in a stable order.
 *
 * @param {string} root
 * @returns {string[]}
 */
export function listReadmes(root) {
  const found = new Set();
  for (const dir of readmeDirs) {
    const base = join(root, dir);
    if (!existsSync(base)) continue;
    if (existsSync(join(base, "README.md"))) found.add(join(dir, "README.md"));
    if (dir === "" || dir === "bench" || dir === "openapi") continue;
    for (const entry of readdirSync(base, { withFileTypes: true })) {
      if (entry.isDirectory() && existsSync(join(base, entry.name, "README.md"))) found.add(join(dir, entry.name, "README.md"));
    }
  }
  return [...found].sort();
}

/**
 * The units (modules and projects) of every README.
 *
 * @param {string} root
 * @returns {import("./units.mjs").Unit[]}
 */
export function collectUnits(root) {
  return listReadmes(root).flatMap((readme) => unitsOf(extractBlocks(readFileSync(join(root, readme), "utf8"), readme)));
}
