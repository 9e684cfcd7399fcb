/**
 * Browser bundle of each contender module (its client set up, plus the three calls): esbuild,
 * ESM, minified, tree-shaken, then gzip level 9, the way a bundler would ship it.
 */
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
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
    const result = await build({
      entryPoints: [`${BENCH_DIR}src/contenders/${file}`],
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      write: false,
      logLevel: "error",
    });
    const code = result.outputFiles[0]?.contents ?? new Uint8Array();
    sizes.push({ name, minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length });
  }
  return sizes;
}
