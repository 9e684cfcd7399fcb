// @ts-check
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { run } from "./exec.mjs";
import { workspaceRoot } from "./workspace.mjs";

const changesetBin = join(workspaceRoot, "node_modules", "@changesets", "cli", "bin.js");
const noNetwork = fileURLToPath(new URL("./no-network.cjs", import.meta.url));

/**
 * @typedef {{ before: string, after: string, manifest: Record<string, unknown>, changelog: string | null }} VersionedPackage
 */

/**
 * Runs `changeset version` with the given bumps in a throwaway copy of the workspace's manifests
 * and changesets config (never in the real tree), and returns every workspace package's version
 * before and after, and the CHANGELOG.md it wrote (null when none). The copy is a git repo because
 * the changelog generator reads the changeset's commit. The network is disabled in the run
 * (no-network.cjs): the release workflow's version step must not depend on an API or a token.
 *
 * @param {Record<string, "major" | "minor" | "patch">} bumps
 * @param {string} [summary] the changeset's text
 * @returns {Promise<Record<string, VersionedPackage>>}
 */
export async function dryRunVersion(bumps, summary = "Dry run.") {
  const copy = await mkdtemp(join(tmpdir(), "cdesk-changesets-"));
  try {
    const manifests = await copyManifests(copy);
    await rm(join(copy, ".changeset"), { recursive: true, force: true });
    await cp(join(workspaceRoot, ".changeset", "config.json"), join(copy, ".changeset", "config.json"));
    const frontMatter = Object.entries(bumps).map(([name, type]) => `"${name}": ${type}`).join("\n");
    await writeFile(join(copy, ".changeset", "dry-run.md"), `---\n${frontMatter}\n---\n\n${summary}\n`);
    await symlink(join(workspaceRoot, "node_modules"), join(copy, "node_modules"));
    const git = (/** @type {string[]} */ ...args) => run("git", ["-c", "user.name=dry-run", "-c", "user.email=dry-run@localhost", ...args], { cwd: copy });
    await git("init", "-q");
    await git("add", "-A");
    await git("commit", "-qm", "base");
    await run(process.execPath, ["--require", noNetwork, changesetBin, "version"], { cwd: copy });
    /** @type {Record<string, VersionedPackage>} */
    const versions = {};
    for (const [path, before] of manifests) {
      const manifest = JSON.parse(await readFile(join(copy, path), "utf8"));
      const changelog = await readFile(join(copy, dirname(path), "CHANGELOG.md"), "utf8").catch(() => null);
      versions[manifest.name] = { before: before.version, after: manifest.version, manifest, changelog };
    }
    return versions;
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
}

/**
 * Copies the root files changesets reads and every workspace package.json, keeping paths.
 *
 * @param {string} copy
 * @returns {Promise<[string, { version: string }][]>} each package.json path and its manifest
 */
async function copyManifests(copy) {
  for (const file of ["package.json", "pnpm-workspace.yaml"]) await cp(join(workspaceRoot, file), join(copy, file));
  /** @type {[string, { version: string }][]} */
  const found = [];
  for (const group of ["packages", "tools"]) {
    for (const entry of await readdir(join(workspaceRoot, group))) {
      const path = join(group, entry, "package.json");
      const text = await readFile(join(workspaceRoot, path), "utf8").catch(() => null);
      if (text === null) continue;
      await mkdir(dirname(join(copy, path)), { recursive: true });
      await writeFile(join(copy, path), text);
      found.push([path, JSON.parse(text)]);
    }
  }
  return found;
}
