// @ts-check
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { run } from "./exec.mjs";
import { listPublicPackages, pnpmBin } from "./workspace.mjs";

/**
 * @typedef {import("./workspace.mjs").PublicPackage & { tarball: string }} PackedPackage
 */

/**
 * Packs every public package with pnpm, exactly as `changeset publish` (pnpm publish) would:
 * `files` decides what ships and `workspace:` ranges become real versions. pnpm prints the
 * tarball's path last, which we read instead of guessing the file name.
 *
 * @param {string} destination
 * @returns {Promise<PackedPackage[]>}
 */
export async function packPublicPackages(destination) {
  await mkdir(destination, { recursive: true });
  // In parallel: each pack is mostly pnpm starting up.
  return Promise.all(listPublicPackages().map((pkg) => packOne(pkg, destination)));
}

/**
 * @param {import("./workspace.mjs").PublicPackage} pkg
 * @param {string} destination
 * @returns {Promise<PackedPackage>}
 */
async function packOne(pkg, destination) {
  const { stdout } = await run(pnpmBin, ["pack", "--pack-destination", destination], { cwd: pkg.dir });
  const tarball = stdout.trim().split("\n").findLast((line) => line.trim().endsWith(".tgz"))?.trim();
  if (!tarball) throw new Error(`pnpm pack printed no tarball path for ${pkg.name}:\n${stdout}`);
  return { ...pkg, tarball: tarball.startsWith("/") ? tarball : join(destination, tarball) };
}
