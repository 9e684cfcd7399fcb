#!/usr/bin/env node
// pnpm spec:update <file-or-url> [--bump major|minor|patch] [--dry-run] [--root DIR]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { SpecUpdateError } from "./errors.mjs";
import { updateSpec } from "./update-spec.mjs";

export const USAGE = `Usage: pnpm spec:update <file-or-url> [options]

Replaces openapi/upstream.yaml with the given upstream spec (JSON or YAML; a URL without a path
reads FastAPI's /openapi.json), re-applies openapi/overlay.yaml, lints the result, writes
openapi/supply-api.yaml and a changeset, regenerates the types, and prints what changed.

Options:
  --bump major|minor|patch  release type of the changeset
                            (default: minor if anything is breaking while we are 0.x, else patch)
  --dry-run                 print the summary and the changeset; write and run nothing
  --root DIR                repository to update (default: this repository)
  -h, --help                show this help`;

const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const BUMPS = ["major", "minor", "patch"];

/**
 * @param {string[]} argv the arguments after the script name
 * @param {Partial<import("./update-spec.mjs").UpdateOptions> & { error?: (line: string) => void }} [deps]
 * @returns {Promise<number>} the exit status
 */
export async function main(argv, deps = {}) {
  const error = deps.error ?? console.error;
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { bump: { type: "string" }, "dry-run": { type: "boolean" }, root: { type: "string" }, help: { type: "boolean", short: "h" } },
    });
  } catch (problem) {
    error(`${/** @type {Error} */ (problem).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    (deps.log ?? console.log)(USAGE);
    return 0;
  }
  if (positionals.length !== 1 || (values.bump !== undefined && !BUMPS.includes(values.bump))) {
    error(`${positionals.length !== 1 ? "Give exactly one file or URL." : `--bump must be one of ${BUMPS.join(", ")}.`}\n\n${USAGE}`);
    return 2;
  }
  // pnpm runs root scripts in the repository root; INIT_CWD is where the user typed the command.
  const cwd = deps.cwd ?? process.env.INIT_CWD ?? process.cwd();
  const root = values.root ? resolve(cwd, values.root) : REPO_ROOT;
  try {
    await updateSpec({
      source: /** @type {string} */ (positionals[0]),
      root,
      bump: /** @type {import("./write-changeset.mjs").Bump | undefined} */ (values.bump),
      dryRun: values["dry-run"] ?? false,
      cwd,
      fetch: deps.fetch,
      run: deps.run ?? ((command, args) => runIn(root, command, args)),
      log: deps.log,
    });
    return 0;
  } catch (problem) {
    if (!(problem instanceof SpecUpdateError)) throw problem;
    error(`spec:update: ${problem.message}`);
    return 1;
  }
}

/**
 * @param {string} root
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function runIn(root, command, args) {
  const local = join(root, "node_modules/.bin", command);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(existsSync(local) ? local : command, args, { cwd: root, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolvePromise() : reject(new Error(`exit status ${code}`))));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
