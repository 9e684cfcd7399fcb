// Bundles an entry for the browser with esbuild, the way an app's bundler would, and reports
// what it imports and how big it is. Shared by the bundle test and the benchmark.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

export interface BrowserBundle {
  /** Every module specifier the bundle could not or would not include (node: modules, bare builtins). */
  nodeImports: string[];
  bytes: number;
  gzipBytes: number;
}

const NODE_BUILTIN = /^(node:|(assert|buffer|child_process|crypto|dns|events|fs|http|https|net|os|path|process|stream|tls|url|util|worker_threads|zlib)(\/|$))/;

/** @param entry absolute path of the entry module */
export async function bundleForBrowser(entry: string, external: string[] = []): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
    logLevel: "silent",
    external,
  });
  const nodeImports = Object.values(result.metafile.inputs)
    .flatMap((input) => input.imports.map((i) => i.path))
    .filter((path) => NODE_BUILTIN.test(path));
  const code = result.outputFiles[0]!.contents;
  return { nodeImports: [...new Set(nodeImports)], bytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}
