import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { publishDryRunWarnings, releaseFieldProblems, tarballFiles } from "../src/release-metadata.mjs";
import { workspaceRoot } from "../src/workspace.mjs";

const { packages } = inject("smoke");
const rootLicense = await readFile(join(workspaceRoot, "LICENSE"), "utf8");

describe("the repository", () => {
  it("has an MIT LICENSE, SECURITY.md and CONTRIBUTING.md at its root", async () => {
    expect(rootLicense).toMatch(/^MIT License\n\nCopyright \(c\) \d{4} /);
    for (const file of ["SECURITY.md", "CONTRIBUTING.md"]) {
      expect((await readFile(join(workspaceRoot, file), "utf8")).trim(), file).not.toBe("");
    }
  });
});

// Every non-private package under packages/, found at run time: a new package is checked as soon as it exists.
describe.each(packages.map((pkg) => [pkg.name, pkg] as const))("%s as published", (_name, pkg) => {
  it("names the repository (with its directory), homepage, issue tracker and MIT license, and ships CHANGELOG.md", () => {
    expect(releaseFieldProblems(pkg)).toEqual([]);
  });

  it("ships LICENSE (the root's MIT text), README.md and package.json in its tarball", async () => {
    const files = await tarballFiles(pkg.tarball);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "package.json"]));
    expect(await readFile(join(pkg.dir, "LICENSE"), "utf8")).toBe(rootLicense);
  });

  it("passes `npm publish --dry-run` of its tarball with no warning", async () => {
    expect(await publishDryRunWarnings(pkg.tarball)).toEqual([]);
  });
});
