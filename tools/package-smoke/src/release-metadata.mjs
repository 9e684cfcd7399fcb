// @ts-check
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { userEnvironment } from "./consumer-project.mjs";
import { run } from "./exec.mjs";
import { workspaceRoot } from "./workspace.mjs";

/**
 * @typedef {{ repository?: { type?: string, url?: string, directory?: string } | string,
 *   homepage?: string, bugs?: { url?: string } | string, license?: string, files?: string[] }} ReleaseFields
 */

/** The root package.json names the repository once; every public package must agree with it. */
const root = /** @type {ReleaseFields} */ (JSON.parse(readFileSync(join(workspaceRoot, "package.json"), "utf8")));

/**
 * What npm and its provenance check read from a published manifest: `repository.url` must be the
 * repository the release workflow runs in (npm refuses a provenance publish otherwise), with the
 * package's own `directory`; the homepage is its README on GitHub; issues go to one tracker.
 * Returns one line per missing or wrong field; empty when all are right.
 *
 * @param {{ dir: string, manifest: object }} pkg
 * @returns {string[]}
 */
export function releaseFieldProblems({ dir, manifest: read }) {
  const manifest = /** @type {ReleaseFields & Record<string, unknown>} */ (read);
  const directory = relative(workspaceRoot, dir);
  const rootRepository = typeof root.repository === "object" ? root.repository : {};
  const web = String(rootRepository.url).replace(/^git\+/, "").replace(/\.git$/, "");
  /** @type {Record<string, unknown>} */
  const expected = {
    repository: { type: "git", url: rootRepository.url, directory },
    homepage: `${web}/tree/main/${directory}#readme`,
    bugs: root.bugs,
    license: "MIT",
  };
  const problems = Object.entries(expected)
    .filter(([field, value]) => JSON.stringify(manifest[field]) !== JSON.stringify(value))
    .map(([field, value]) => `${field} is ${JSON.stringify(manifest[field])}, expected ${JSON.stringify(value)}`);
  // npm ships LICENSE and README whatever `files` says, but not CHANGELOG.md (changesets writes it at version time).
  if (manifest.files && !manifest.files.includes("CHANGELOG.md")) problems.push('"files" leaves out CHANGELOG.md');
  return problems;
}

/**
 * The paths inside a packed tarball, without npm's `package/` prefix.
 *
 * @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function tarballFiles(tarball) {
  const { stdout } = await run("tar", ["-tzf", tarball]);
  return stdout.trim().split("\n").map((line) => line.replace(/^package\//, "")).sort();
}

/**
 * `npm publish --dry-run` of a packed tarball, as a user's npm would run it (the workspace's
 * npm_config_* settings removed): everything a real publish checks before it uploads. Returns its
 * warnings, except the one every run without credentials prints.
 *
 * @param {string} tarball
 * @returns {Promise<string[]>}
 */
export async function publishDryRunWarnings(tarball) {
  const { stdout, stderr } = await run("npm", ["publish", "--dry-run", tarball], { cwd: workspaceRoot, env: userEnvironment(process.env) });
  return `${stdout}\n${stderr}`
    .split("\n")
    .filter((line) => /^npm (warn|error)/i.test(line))
    .filter((line) => !/requires you to be logged in/.test(line));
}
