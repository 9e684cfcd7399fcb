// @ts-check
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { run } from "./exec.mjs";
import { workspaceRoot } from "./workspace.mjs";

const attwBin = join(workspaceRoot, "node_modules", ".bin", "attw");

/**
 * Subpaths that are data files, not modules: attw can only ask "does this resolve to JS and
 * types?", which a YAML file never does. The smoke test resolves and reads them instead
 * (test/import-require.test.ts), which is how users consume them.
 */
export const dataSubpaths = /** @type {const} */ (["./openapi.yaml"]);

/**
 * publint over the packed tarball (the files users receive, not the working tree), strict so
 * warnings fail too, at `suggestion` level so nothing it says is hidden. Returns one readable
 * line per message; an empty list means clean.
 *
 * @param {import("./pack.mjs").PackedPackage} pkg
 * @returns {Promise<string[]>}
 */
export async function publintProblems(pkg) {
  const bytes = await readFile(pkg.tarball);
  const tarball = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const { messages, pkg: manifest } = await publint({ pack: { tarball }, strict: true, level: "suggestion" });
  return messages.map((message) => `${message.type}: ${formatMessage(message, manifest) ?? message.code}`);
}

/**
 * attw over the packed tarball with the `strict` profile: ESM and CJS must both resolve and the
 * types must match the JS under node10, node16 (from ESM and from CJS) and bundler. Returns attw's
 * report when it finds a problem, or null when clean.
 *
 * @param {import("./pack.mjs").PackedPackage} pkg
 * @returns {Promise<string | null>}
 */
export async function attwProblems(pkg) {
  const args = [pkg.tarball, "--profile", "strict", "--format", "ascii", "--no-emoji", "--no-color"];
  const excluded = dataSubpaths.filter((subpath) => JSON.stringify(pkg.manifest).includes(`"${subpath}"`));
  if (excluded.length > 0) args.push("--exclude-entrypoints", ...excluded);
  try {
    await run(attwBin, args);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
