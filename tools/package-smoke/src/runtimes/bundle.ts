import { build } from "esbuild";

/**
 * Bundles a lifecycle entry from the consumer project (so the client and poller come from the
 * tarballs) into one ESM file, as a browser app's or a worker's bundler would. Not minified, so
 * a stack trace from the runtime still names our functions.
 */
export async function bundleEntry(entry: string, consumerDir: string, conditions: readonly string[] = []): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: consumerDir,
    bundle: true,
    platform: "browser",
    conditions: [...conditions],
    format: "esm",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  return output.text;
}
