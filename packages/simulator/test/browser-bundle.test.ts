import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { browserBundleSize } from "../../../scripts/browser-bundle.mjs";

const source = (file: string): string => fileURLToPath(new URL(`../src/${file}`, import.meta.url));

// The main entry runs in browsers, Deno, Bun and workers: bundling it for the browser must not
// meet a single node: module (esbuild refuses to resolve one for the browser, so the build fails).
// Its size is reported in the README (`pnpm --filter @cdesk/simulator bench`); the budget keeps it
// from growing by accident.
const GZIP_BUDGET_BYTES = 50_000;

test("the main entry bundles for the browser without node: imports, within its size budget", async () => {
  const bundle = await browserBundleSize(source("index.ts"));
  expect(bundle.gzipBytes).toBeLessThan(GZIP_BUDGET_BYTES);
}, 30_000);

test("the MSW handlers bundle for the browser without node: imports (msw is the app's own)", async () => {
  const bundle = await browserBundleSize(source("msw.ts"), { external: ["msw"] });
  expect(bundle.gzipBytes).toBeGreaterThan(0);
}, 30_000);

test("the check finds node: imports where there are some", async () => {
  await expect(browserBundleSize(source("node.ts"))).rejects.toThrow(/node:http|Could not resolve/);
}, 30_000);
