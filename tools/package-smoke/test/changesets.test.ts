import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { dryRunVersion, type VersionedPackage } from "../src/changesets-dry-run.mjs";
import { listPublicPackages, workspaceRoot } from "../src/workspace.mjs";

const publicNames = listPublicPackages().map((pkg) => pkg.name);
const major = (version: string) => Number(version.split(".")[0]);
const summary = "Offers can be searched by vendor.";

describe("changesets", () => {
  // One dry `changeset version` (a minor release of every public package, offline) read by the cases below.
  let versions: Record<string, VersionedPackage> = {};
  beforeAll(async () => {
    versions = await dryRunVersion(Object.fromEntries(publicNames.map((name) => [name, "minor"])), summary);
  });

  it("publishes the public packages to the public registry and keeps private tools unversioned", async () => {
    const config = JSON.parse(await readFile(join(workspaceRoot, ".changeset", "config.json"), "utf8"));
    expect(config.access).toBe("public");
    expect(config.ignore.filter((name: string) => publicNames.includes(name))).toEqual([]);
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.updateInternalDependencies).toBe("patch");
  });

  // A minor release of every package (the usual 0.x release, the first one included) must stay
  // 0.x everywhere: a peer range that the new version leaves makes changesets bump the dependent
  // to a major, i.e. publish 1.0.0 by accident.
  it("a minor release of every public package bumps each one minor, none to a new major, private tools untouched", () => {
    const jumps = Object.entries(versions)
      .filter(([name]) => publicNames.includes(name))
      .filter(([, { before, after }]) => major(after) !== major(before))
      .map(([name, { before, after }]) => `${name} ${before} -> ${after}`);
    expect(jumps).toEqual([]);
    for (const name of publicNames) expect(versions[name]?.after).not.toBe(versions[name]?.before);
    for (const [name, { before, after }] of Object.entries(versions)) {
      if (!publicNames.includes(name)) expect(after, `${name} is private`).toBe(before);
    }
  });

  // The version step runs with the network disabled, so a generator that calls GitHub's API (and
  // needs a token) fails here rather than in the release workflow.
  it("writes every public package's CHANGELOG.md from the changeset, with the network disabled", () => {
    for (const name of publicNames) {
      const { after, changelog } = versions[name]!;
      expect(changelog, name).toMatch(new RegExp(`^# ${name.replace("/", "\\/")}\\n\\n## ${after.replaceAll(".", "\\.")}\\n\\n### Minor Changes\\n`));
      expect(changelog, name).toMatch(new RegExp(`^- [0-9a-f]{7}: ${summary}$`, "m"));
    }
    for (const [name, { changelog }] of Object.entries(versions)) {
      if (!publicNames.includes(name)) expect(changelog, `${name} is private`).toBeNull();
    }
  });
});
