import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BundleFigures {
  /** Minified bundle, bytes. */
  minified: number;
  /** The same bytes gzipped at level 9, as a CDN would serve them. */
  gzipped: number;
  /** Minified bytes each package contributes (by its node_modules path), largest first. */
  byPackage: [string, number][];
}

/**
 * Bundles `entry` the way a browser app's bundler would: ESM, minified, tree-shaken, resolving
 * from the consumer project (the tarballs, not the workspace sources). esbuild's output is
 * deterministic, so the figures only move when the shipped code does.
 */
export async function bundleForBrowser(entry: string, cwd: string): Promise<BundleFigures> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: cwd,
    bundle: true,
    platform: "browser",
    format: "esm",
    target: "es2022",
    minify: true,
    write: false,
    metafile: true,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(Object.values(result.metafile.outputs)[0]?.inputs ?? {})) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? "(consumer entry)";
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]),
  };
}
