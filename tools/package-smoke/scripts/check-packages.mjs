#!/usr/bin/env node
// @ts-check
// publint + attw over every public package, packed with pnpm as `changeset publish` packs them.
// Usage: node scripts/check-packages.mjs            (packs into a temp dir, removed afterwards)
// Exits 1 when any package has any problem, after printing every problem of every package.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { packPublicPackages } from "../src/pack.mjs";
import { lintPackedPackages } from "../src/lint-report.mjs";

const temp = await mkdtemp(join(tmpdir(), "cdesk-check-packages-"));
try {
  const report = await lintPackedPackages(await packPublicPackages(temp));
  console.log(report.text);
  process.exitCode = report.clean ? 0 : 1;
} finally {
  await rm(temp, { recursive: true, force: true });
}
