// The one way this repository measures a browser bundle: esbuild, ESM, minified, tree-shaken, for
// the browser (es2022), then gzip level 9, the way a bundler and a CDN would ship it. Used by the
// size tests of @cdesk/client, @cdesk/poller and @cdesk/simulator, and by the benchmarks. A node:
// import fails the build: esbuild does not resolve Node's modules for the browser.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";

/**
 * @param {string} entry absolute path of the entry module
 * @param {{ plugins?: import("esbuild").Plugin[], alias?: Record<string, string>, external?: string[] }} [options]
 * @returns {Promise<{ minBytes: number, gzipBytes: number }>}
 */
export async function browserBundleSize(entry, options = {}) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
    ...options,
  });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
