import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { listPublicPackages, workspaceRoot } from "../src/workspace.mjs";
import { expectedBins } from "../src/expected-surface.js";
import { hasMainEntry, loadBothWays, readDataSubpath, runBin } from "../src/runtime-checks.js";

const { consumerDir } = inject("smoke");
const node = process.execPath;

const publicPackages = listPublicPackages();

describe.each(publicPackages.map((pkg) => [pkg.name, pkg] as const))("%s from its tarball", (name, pkg) => {
  it("is installed from the tarball, at the workspace's version, with no workspace: ranges left", async () => {
    const installed = JSON.parse(await readFile(join(consumerDir, "node_modules", name, "package.json"), "utf8"));
    expect(installed.version).toBe(pkg.manifest.version);
    const ranges = [installed.dependencies, installed.peerDependencies, installed.optionalDependencies].flatMap((deps) => Object.values(deps ?? {}));
    expect(ranges.filter((range) => String(range).startsWith("workspace:"))).toEqual([]);
  });
});

describe.each(publicPackages.filter((pkg) => hasMainEntry(pkg.manifest)).map((pkg) => pkg.name))("%s as a library", (name) => {
  it("can be imported (ESM) and required (CJS), with the same run-time exports both ways", async () => {
    const { esm, cjs, missing } = await loadBothWays(node, consumerDir, name);
    expect(cjs).toEqual(esm);
    expect(missing).toEqual([]);
  });
});

describe("data files and bins from the tarballs", () => {
  it("@cdesk/types/openapi.yaml resolves with import and require and is the spec the types were built from", async () => {
    const shipped = await readFile(join(workspaceRoot, "packages", "types", "openapi.yaml"), "utf8");
    const { esm, cjs } = await readDataSubpath(node, consumerDir, "@cdesk/types/openapi.yaml");
    expect(esm).toMatch(/^openapi: 3\.1/m);
    expect(esm).toBe(shipped);
    expect(cjs).toBe(shipped);
  });

  it.each(Object.entries(expectedBins))("the `%s` bin runs %j", async (bin, args) => {
    expect(await runBin(node, consumerDir, bin, args)).toMatch(/usage/i);
  });
});
