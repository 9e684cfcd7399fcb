// @ts-check
import { cp, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { run } from "./exec.mjs";

const fixtures = new URL("../fixtures/consumer/", import.meta.url);

/**
 * The @types/node a Node 20 user of @cdesk/mock and @cdesk/cli would have: mock's and cli's
 * declarations may name Node types, and a strict consumer must still compile.
 */
const consumerDevDependencies = { "@types/node": "^20.19.0" };

/**
 * A fresh npm project outside the workspace with every tarball installed the way a user installs
 * a release: no workspace links, no hoisted devDependencies, third-party deps from the registry
 * (preferring npm's cache). All tarballs go in one `npm install`, so @cdesk/* ranges between the
 * packages resolve to these tarballs and never to the registry.
 *
 * @param {string} directory
 * @param {readonly import("./pack.mjs").PackedPackage[]} packages
 * @returns {Promise<string>} the project directory
 */
export async function createConsumerProject(directory, packages) {
  await mkdir(directory, { recursive: true });
  await cp(fixtures, directory, { recursive: true });
  // One consumer source, compiled as ESM (.mts) and as CJS (.cts) so both declaration sets are used.
  for (const copy of ["consumer.mts", "consumer.cts"]) await cp(join(directory, "node-consumer.ts"), join(directory, copy));
  const manifest = {
    name: "cdesk-smoke-consumer",
    private: true,
    type: "module",
    dependencies: Object.fromEntries(packages.map((pkg) => [pkg.name, `file:${pkg.tarball}`])),
    devDependencies: consumerDevDependencies,
  };
  await writeFile(join(directory, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: directory,
    env: userEnvironment(process.env),
  });
  return directory;
}

/** Settings a user's own npm would also have: where the cache is and which registry to use. */
const keptNpmSettings = new Set(["npm_config_cache", "npm_config_registry"]);

/**
 * The environment without the settings pnpm exports to the scripts it runs (npm_config_*,
 * pnpm_config_*): those are the workspace's, not the user's, and npm would obey them.
 *
 * @param {NodeJS.ProcessEnv} env
 * @returns {NodeJS.ProcessEnv}
 */
export function userEnvironment(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => !/^p?npm_config_/i.test(key) || keptNpmSettings.has(key.toLowerCase())),
  );
}
