// @ts-check
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { userEnvironment } from "@cdesk/package-smoke/consumer-project";
import { runOrThrow } from "./run.mjs";

/**
 * What a reader pasting the READMEs' blocks would have installed besides our packages: Node 20's
 * types, vitest (the contract-test blocks), undici 7 (the custom-fetch block) and msw (the
 * simulator's MSW block; an optional peer of @cdesk/simulator).
 */
const readerDevDependencies = { "@types/node": "^20.19.0", msw: "^2.7.0", undici: "^7.16.0", vitest: "4.1.12" };

/**
 * A fresh npm project outside the workspace with every packed tarball installed in one
 * `npm install`, the way a user installs a release.
 *
 * @param {string} directory
 * @param {readonly import("@cdesk/package-smoke/pack").PackedPackage[]} packages
 * @returns {Promise<string>}
 */
export async function createReaderProject(directory, packages) {
  await mkdir(directory, { recursive: true });
  const manifest = {
    name: "cdesk-readme-reader",
    private: true,
    type: "module",
    dependencies: Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`])),
    devDependencies: readerDevDependencies,
  };
  await writeFile(join(directory, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await npmInstall(directory);
  return directory;
}

/**
 * `npm install` as a user runs it (preferring npm's cache), without the settings pnpm exports to
 * the scripts it runs.
 *
 * @param {string} directory
 */
export function npmInstall(directory) {
  return runOrThrow("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: directory,
    env: userEnvironment(process.env),
    hangLimitMs: 600_000, // a cold npm cache downloads vitest, undici, Prism...
  });
}
