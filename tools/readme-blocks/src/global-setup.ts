import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { packPublicPackages, type PackedPackage } from "@cdesk/package-smoke/pack";
import { createReaderProject } from "./consumer.mjs";

export interface ReadmeBlocksContext {
  /** Every public package, packed with pnpm (package-smoke's packing). */
  packages: PackedPackage[];
  /** A fresh npm project with all tarballs installed: where the README blocks are compiled and run. */
  readerDir: string;
  /** A temp directory the tests may write into; removed after the run. */
  scratchDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    readmeBlocks: ReadmeBlocksContext;
  }
}

/** Packs and installs once per run; the README blocks and every example use the same tarballs. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), "cdesk-readme-blocks-"));
  const packages = await packPublicPackages(join(root, "tarballs"));
  const readerDir = await createReaderProject(join(root, "reader"), packages);
  const scratchDir = join(root, "scratch");
  await mkdir(scratchDir);
  project.provide("readmeBlocks", { packages, readerDir, scratchDir });
  return () => rm(root, { recursive: true, force: true });
}
