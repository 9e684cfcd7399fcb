// Runs `redocly lint` with the repository's rules on a spec that is not written yet, so that an
// invalid update stops before any file changes. Warnings fail too: 0 warnings is the repo's bar.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const REDOCLY = join(dirname(require.resolve("@redocly/cli/package.json")), "bin/cli.js");

/**
 * @param {string} text the candidate supply-api.yaml
 * @param {string} configPath the repository's redocly.yaml
 * @returns {Promise<{ ok: boolean, problems: string[] }>} one readable line per problem
 */
export async function lintSpec(text, configPath) {
  const dir = await mkdtemp(join(tmpdir(), "cdesk-spec-lint-"));
  try {
    const file = join(dir, "supply-api.yaml");
    await writeFile(file, text);
    const output = await runRedocly(["lint", file, `--config=${configPath}`, "--format=json"]);
    const report = JSON.parse(output.slice(output.indexOf("{")));
    /** @type {string[]} */
    const problems = report.problems.map(
      (/** @type {any} */ p) => `${p.severity === "error" ? "error" : "warning"} ${p.ruleId} at ${readablePointer(p.location?.[0]?.pointer)}: ${p.message}`,
    );
    return { ok: problems.length === 0, problems };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * `#/paths/~1offers~1{offer_id}/get` -> `paths./offers/{offer_id}.get`
 * @param {string | undefined} pointer
 */
function readablePointer(pointer) {
  if (!pointer) return "(document)";
  return pointer.replace(/^#\/?/, "").split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~")).join(".") || "(document)";
}

/** @param {string[]} args @returns {Promise<string>} stdout (Redocly exits 1 when it finds errors) */
function runRedocly(args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [REDOCLY, ...args], { timeout: 120_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (stdout.includes('"problems"')) resolve(stdout);
      else reject(new Error(`redocly lint did not report: ${error?.message ?? ""}\n${stderr}`));
    });
  });
}
