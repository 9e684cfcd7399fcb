// @ts-check
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { run } from "./exec.mjs";
import { workspaceRoot } from "./workspace.mjs";

const changesetBin = join(workspaceRoot, "node_modules", ".bin", "changeset");

/**
 * Runs `changeset version` with the given bumps in a throwaway copy of the workspace's manifests
 * and changesets config (never in the real tree), and returns every workspace package's version
 * before and after. The copy is a git repo because changesets reads commits for the changelog.
 *
 * @param {Record<string, "major" | "minor" | "patch">} bumps
 * @returns {Promise<Record<string, { before: string, after: string, manifest: Record<string, unknown> }>>}
 */
export async function dryRunVersion(bumps) {
  const copy = await mkdtemp(join(tmpdir(), "cdesk-changesets-"));
  try {
    const manifests = await copyManifests(copy);
    await rm(join(copy, ".changeset"), { recursive: true, force: true });
    await cp(join(workspaceRoot, ".changeset", "config.json"), join(copy, ".changeset", "config.json"));
    const frontMatter = Object.entries(bumps).map(([name, type]) => `"${name}": ${type}`).join("\n");
    await writeFile(join(copy, ".changeset", "dry-run.md"), `---\n${frontMatter}\n---\n\nDry run.\n`);
    await symlink(join(workspaceRoot, "node_modules"), join(copy, "node_modules"));
    const git = (/** @type {string[]} */ ...args) => run("git", ["-c", "user.name=dry-run", "-c", "user.email=dry-run@localhost", ...args], { cwd: copy });
    await git("init", "-q");
    await git("add", "-A");
    await git("commit", "-qm", "base");
    await run(changesetBin, ["version"], { cwd: copy });
    /** @type {Record<string, { before: string, after: string, manifest: Record<string, unknown> }>} */
    const versions = {};
    for (const [path, before] of manifests) {
      const manifest = JSON.parse(await readFile(join(copy, path), "utf8"));
      versions[manifest.name] = { before: before.version, after: manifest.version, manifest };
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
