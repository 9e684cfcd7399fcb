// @ts-check
import { spawn } from "node:child_process";
import { join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { unitPath } from "./layout.mjs";

/**
 * @typedef {import("./units.mjs").Unit} Unit
 * @typedef {import("./layout.mjs").Mode} Mode
 * @typedef {{ unit: string | undefined, text: string }} Diagnostic
 */

const tscScript = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/**
 * Runs one tsc program over all units of a mode and returns its errors, each rewritten to point at
 * the README line it comes from (`packages/client/README.md:127: error TS2304: Cannot find name 'x'`).
 * An error outside the blocks (in a shipped .d.ts, say) keeps its own path and has no unit.
 *
 * @param {string} blocksDir
 * @param {Mode} mode
 * @param {readonly Unit[]} units
 * @returns {Promise<Diagnostic[]>}
 */
export async function typecheck(blocksDir, mode, units) {
  const output = await tscOutput(join(blocksDir, mode));
  const modeDir = join(blocksDir, mode);
  /** @type {Diagnostic[]} */
  const diagnostics = [];
  for (const line of output.split("\n")) {
    const match = /^(.+?)\((\d+),(\d+)\): (error .*)$/.exec(line);
    if (match) {
      const [, file = "", row = "0", , message = ""] = match;
      diagnostics.push(locate(join(modeDir, file), Number(row), message, units, blocksDir, mode));
    } else if (line.startsWith(" ") && diagnostics.length > 0) {
      const last = /** @type {Diagnostic} */ (diagnostics.at(-1));
      last.text += `\n${line}`;
    } else if (line.trim() !== "") {
      diagnostics.push({ unit: undefined, text: line });
    }
  }
  return diagnostics;
}

/**
 * @param {string} path absolute path tsc reported
 * @param {number} row 1-based
 * @param {string} message
 * @param {readonly Unit[]} units
 * @param {string} blocksDir
 * @param {Mode} mode
 * @returns {Diagnostic}
 */
function locate(path, row, message, units, blocksDir, mode) {
  for (const unit of units) {
    const own = unitPath(blocksDir, mode, unit);
    if (unit.kind === "module" && path === own) {
      const origin = unit.origins[row - 1];
      return { unit: unit.id, text: `${origin ? `${origin.readme}:${origin.line}` : unit.id}: ${message}` };
    }
    if (unit.kind === "project" && path.startsWith(own + sep)) {
      const file = unit.files.find((candidate) => join(own, candidate.path) === path);
      const text = file ? `${file.block.readme}:${file.block.line + row - 1} (${file.path}): ${message}` : `${relative(blocksDir, path)}(${row}): ${message}`;
      return { unit: unit.id, text };
    }
  }
  return { unit: undefined, text: `${relative(blocksDir, path)}(${row}): ${message}` };
}

/** tsc's report (exit code 2 with errors is an answer, not a failure of the run). @param {string} cwd */
function tscOutput(cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tscScript, "-p", "tsconfig.json", "--pretty", "false"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 || code === 2 ? resolve(output) : reject(new Error(`tsc exited with ${code}:\n${output}`))));
  });
}
