// @ts-check
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/**
 * @typedef {import("./units.mjs").Unit} Unit
 * @typedef {"node16" | "bundler"} Mode
 */

/**
 * What a strict user's tsconfig says for each resolution mode. Both emit nothing but the node16
 * program, whose output is what the runner executes; skipLibCheck is off, so a broken shipped
 * .d.ts fails too.
 *
 * @type {Record<Mode, Record<string, unknown>>}
 */
const compilerOptions = {
  node16: { module: "node16", moduleResolution: "node16", outDir: "../out" },
  bundler: { module: "esnext", moduleResolution: "bundler", noEmit: true },
};

/** @param {Mode} mode */
const extension = (mode) => (mode === "node16" ? ".mts" : ".ts");

/**
 * Writes every unit as its own file (or directory, for a project) under `blocksDir/<mode>/`, with
 * one tsconfig per mode covering all of them: one compiler run per mode, however many blocks.
 *
 * @param {string} blocksDir
 * @param {readonly Unit[]} units
 */
export async function writeUnits(blocksDir, units) {
  for (const mode of /** @type {Mode[]} */ (["node16", "bundler"])) {
    const modeDir = join(blocksDir, mode);
    for (const unit of units) {
      if (unit.kind === "module") await writeFileIn(join(modeDir, `${unit.id}${extension(mode)}`), `${unit.code}\n`);
      else for (const file of unit.files) await writeFileIn(join(modeDir, unit.id, file.path), `${file.block.code}\n`);
    }
    const tsconfig = {
      compilerOptions: { target: "ES2022", strict: true, skipLibCheck: false, types: ["node"], ...compilerOptions[mode] },
      include: ["./**/*"],
    };
    await writeFileIn(join(modeDir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  }
}

/**
 * The path of a unit's file (or project directory) in a mode's tree, and where the node16 program
 * emits a module's JavaScript.
 *
 * @param {string} blocksDir
 * @param {Mode} mode
 * @param {Unit} unit
 */
export function unitPath(blocksDir, mode, unit) {
  return join(blocksDir, mode, unit.kind === "module" ? `${unit.id}${extension(mode)}` : unit.id);
}

/**
 * @param {string} blocksDir
 * @param {import("./units.mjs").ModuleUnit} unit
 */
export function emittedModule(blocksDir, unit) {
  return join(blocksDir, "out", `${unit.id}.mjs`);
}

/**
 * @param {string} path
 * @param {string} text
 */
async function writeFileIn(path, text) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}
