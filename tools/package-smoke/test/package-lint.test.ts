import { expect, inject, it } from "vitest";
import { lintPackedPackages } from "../src/lint-report.mjs";

const { packages } = inject("smoke");

it("publint (strict, every level) and attw (strict profile) find nothing in any public package's tarball", async () => {
  const report = await lintPackedPackages(packages);
  console.log(report.text);
  expect(report.clean, report.text).toBe(true);
});
