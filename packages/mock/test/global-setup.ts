import { randomUUID } from "node:crypto";
import { readdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "tsdown";
import type { TestProject } from "vitest/node";

/**
 * Before the suite: builds the package into a private directory (the bin and the "host
 * killed" tests run built code in child processes; `dist/` is left to `pnpm build`, which turbo
 * may run at the same time) and tags every process the suite starts.
 * After the suite: fails if any Prism started by the suite is still alive.
 */
const BUILD_DIR = fileURLToPath(new URL("../node_modules/.cache/cdesk-mock-test-build/", import.meta.url));
const RUN_TAG = "CDESK_MOCK_SUITE_RUN";

declare module "vitest" {
  export interface ProvidedContext {
    builtDir: string;
  }
}

export async function setup(project: TestProject) {
  // Inherited by the test workers, and through them by every Prism they spawn.
  process.env[RUN_TAG] = randomUUID();
  await rm(BUILD_DIR, { recursive: true, force: true });
  await build({
    config: false,
    entry: { index: "src/index.ts", cli: "src/cli.ts" },
    format: "esm",
    platform: "node",
    target: "es2022",
    fixedExtension: false,
    dts: false,
    outDir: BUILD_DIR,
    logLevel: "warn",
  });
  project.provide("builtDir", BUILD_DIR);
}

/** Pids of live Prism children (they carry CDESK_MOCK_PRISM_BIN) started by this run. */
async function prismsOfThisRun(tag: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, "utf8").catch(() => "");
    const variables = environ.split("\0");
    if (variables.includes(`${RUN_TAG}=${tag}`) && variables.some((v) => v.startsWith("CDESK_MOCK_PRISM_BIN="))) pids.push(Number(entry));
  }
  return pids;
}

export async function teardown() {
  const tag = process.env[RUN_TAG] as string;
  const orphans = await prismsOfThisRun(tag);
  orphans.forEach((pid) => process.kill(pid, "SIGKILL"));
  if (orphans.length > 0) throw new Error(`Prism processes left running by the suite (now killed): ${orphans.join(", ")}`);
}
