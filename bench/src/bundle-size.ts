/**
 * Browser bundle of each contender module (its client set up, plus the three calls): esbuild,
 * ESM, minified, tree-shaken, then gzip level 9, the way a bundler would ship it.
 */
import { browserBundleSize } from "../../scripts/browser-bundle.mjs";
import { CONTENDERS, type ContenderName } from "./contenders/list.js";
import { BENCH_DIR } from "./run-command.js";

export interface BundleSize {
  name: ContenderName;
  minBytes: number;
  gzipBytes: number;
}

export async function measureBundles(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const { name, file } of CONTENDERS) {
    sizes.push({ name, ...(await browserBundleSize(`${BENCH_DIR}src/contenders/${file}`)) });
  }
  return sizes;
}
