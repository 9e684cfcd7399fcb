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
 * @returns {Promise<{ ok: boolean, problems: string[], examples: string[] }>} one readable line per
 *   problem; `examples` names each named example that no longer matches its schema
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
    const examples = report.problems
      .filter((/** @type {any} */ p) => EXAMPLE_RULES.has(p.ruleId))
      .map((/** @type {any} */ p) => `${exampleName(p.location?.[0]?.pointer)}: ${p.message}`);
    return { ok: problems.length === 0, problems, examples: [...new Set(examples)] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Redocly's rules that check a named example against its schema. */
const EXAMPLE_RULES = new Set(["no-invalid-media-type-examples", "no-invalid-schema-examples", "no-invalid-parameter-examples"]);

/**
 * Where a failing example lives, as a reader finds it in overlay.yaml:
 * `#/paths/~1offers~1{offer_id}~1status/get/responses/200/content/application~1json/examples/ready/value/progress`
 * -> `example "ready" of GET /offers/{offer_id}/status 200 response (application/json)`.
 * @param {string | undefined} pointer
 */
function exampleName(pointer) {
  const parts = (pointer ?? "").replace(/^#\/?/, "").split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  const at = parts.indexOf("examples");
  const name = at >= 0 ? parts[at + 1] : undefined;
  if (parts[0] === "components" && parts[1] === "examples") return `example "${parts[2]}" (components.examples)`;
  if (parts[0] === "paths" && name !== undefined) {
    const [, path, method, section, code, , mediaType] = parts;
    const place = section === "responses" ? `${code} response` : section === "requestBody" ? `request body` : section;
    const type = section === "responses" ? mediaType : code === "content" ? mediaType : undefined;
    return `example "${name}" of ${String(method).toUpperCase()} ${path} ${place}${type ? ` (${type})` : ""}`;
  }
  return `example at ${readablePointer(pointer)}`;
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
