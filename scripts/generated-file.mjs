// The one rule for committed generated files: write them, or (with --check) prove they are current.
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = fileURLToPath(new URL("..", import.meta.url));

/**
 * Writes `content` to `path`, or in check mode writes nothing and exits 1 when the committed file
 * differs, so a spec change can never land without its regenerated output.
 * @param {string} path absolute path of the generated file
 * @param {string} content what the generator produced
 * @param {{ check: boolean, source: string, label: string }} how `source`: what it is generated from
 */
export function writeOrCheckGenerated(path, content, { check, source, label }) {
  const shown = relative(repoRoot, path);
  if (!check) {
    writeFileSync(path, content);
    console.log(`${label}: wrote ${shown}`);
    return;
  }
  let committed = "";
  try {
    committed = readFileSync(path, "utf8");
  } catch {}
  if (committed !== content) {
    console.error(`${shown} is stale: it does not match ${source}.\nRun \`pnpm generate\` and commit the result.`);
    process.exit(1);
  }
  console.log(`${label}: ${shown} matches ${source}`);
}
