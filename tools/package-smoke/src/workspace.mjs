// @ts-check
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The monorepo root: this file is tools/package-smoke/src/workspace.mjs. */
export const workspaceRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The pnpm that runs this workspace (a root devDependency), so packing matches `changeset publish`. */
export const pnpmBin = join(workspaceRoot, "node_modules", ".bin", "pnpm");

/** The workspace's TypeScript, so consumers are checked with the compiler the packages are built with. */
export const tscScript = join(workspaceRoot, "node_modules", "typescript", "bin", "tsc");

/**
 * @typedef {{ name: string, version: string, private?: boolean, main?: string, exports?: unknown,
 *   bin?: string | Record<string, string>, publishConfig?: Record<string, unknown>,
 *   dependencies?: Record<string, string>, peerDependencies?: Record<string, string> }} Manifest
 * @typedef {{ name: string, dir: string, manifest: Manifest }} PublicPackage
 */

/**
 * Every package under packages/ that is not private: what `changeset publish` would publish.
 * Sorted by name so the order of checks and of printed figures is stable.
 *
 * @returns {PublicPackage[]}
 */
export function listPublicPackages() {
  const packagesDir = join(workspaceRoot, "packages");
  return readdirSync(packagesDir)
    .map((entry) => join(packagesDir, entry))
    .filter((dir) => existsSync(join(dir, "package.json")))
    .map((dir) => ({ dir, manifest: /** @type {Manifest} */ (JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))) }))
    .filter(({ manifest }) => manifest.private !== true)
    .map(({ dir, manifest }) => ({ name: manifest.name, dir, manifest }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
