import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createConsumerProject } from "./consumer-project.mjs";
import { packPublicPackages, type PackedPackage } from "./pack.mjs";

export interface SmokeContext {
  /** Every public package, packed with pnpm. */
  packages: PackedPackage[];
  /** The fresh npm project with all tarballs installed, shared by every test of the run. */
  consumerDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    smoke: SmokeContext;
  }
}

/** Packs and installs once per run: the install is the slow part, and every check reads the same tree. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "cdesk-package-smoke-"));
  const started = performance.now();
  const packages = await packPublicPackages(join(root, "tarballs"));
  const packed = performance.now();
  const consumerDir = await createConsumerProject(join(root, "consumer"), packages);
  const seconds = (from: number, to: number) => ((to - from) / 1000).toFixed(1);
  console.log(`package-smoke: packed ${packages.length} packages in ${seconds(started, packed)} s, npm install took ${seconds(packed, performance.now())} s`);
  project.provide("smoke", { packages, consumerDir });
  return () => rm(root, { recursive: true, force: true });
}
