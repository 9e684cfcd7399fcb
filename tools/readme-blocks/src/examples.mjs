// @ts-check
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { npmInstall } from "./consumer.mjs";
import { workspaceRoot } from "./workspace.mjs";

/**
 * A copy of `examples/<name>` (without node_modules or dist) installed with npm, its @cdesk/*
 * packages taken from the packed tarballs instead of the registry: direct dependencies and,
 * through `overrides`, the ones they bring (the client's @cdesk/types, say). Nothing else of the
 * example changes.
 *
 * @param {string} name
 * @param {string} destination
 * @param {readonly import("@cdesk/package-smoke/pack").PackedPackage[]} packages
 * @returns {Promise<string>} the copy's directory
 */
export async function installExample(name, destination, packages) {
  const source = join(workspaceRoot, "examples", name);
  await cp(source, destination, { recursive: true, filter: (path) => !/[/\\](node_modules|dist)([/\\]|$)/.test(path.slice(source.length)) });
  const manifestPath = join(destination, "package.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
  const tarballs = Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`]));
  for (const field of ["dependencies", "devDependencies"]) {
    for (const dependency of Object.keys(manifest[field] ?? {})) {
      if (dependency in tarballs) manifest[field][dependency] = tarballs[dependency];
    }
  }
  manifest.overrides = tarballs;
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  await npmInstall(destination);
  return destination;
}
