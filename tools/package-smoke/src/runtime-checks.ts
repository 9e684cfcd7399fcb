import { join } from "node:path";
import { run } from "./exec.mjs";
import { expectedFunctions } from "./expected-surface.js";

/** What a module exposes at run time: each export's name and `typeof`, sorted by name. */
export type ExportShape = Record<string, string>;

const describeExports = `Object.fromEntries(Object.keys(m).filter((k) => k !== "default" && k !== "module.exports").sort().map((k) => [k, typeof m[k]]))`;

/** Whether a package has a main entry to import (a bin-only package like @cdesk/cli has none). */
export function hasMainEntry(manifest: { exports?: unknown; main?: string }): boolean {
  const { exports } = manifest;
  if (exports === undefined) return manifest.main !== undefined;
  return typeof exports === "string" || (typeof exports === "object" && exports !== null && "." in exports);
}

/**
 * Imports and requires `specifier` on the given Node binary; returns both export shapes and the
 * expected functions missing from the ESM one, so callers assert "same both ways, nothing missing".
 */
export async function loadBothWays(node: string, consumerDir: string, specifier: string) {
  const [esm, cjs] = await Promise.all([importExports(node, consumerDir, specifier), requireExports(node, consumerDir, specifier)]);
  const missing = (expectedFunctions[specifier] ?? []).filter((fn) => esm[fn] !== "function");
  return { esm, cjs, missing };
}

/** Loads `specifier` from the consumer project with `import` (ESM) on the given Node binary. */
export async function importExports(node: string, consumerDir: string, specifier: string): Promise<ExportShape> {
  const code = `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(${describeExports}));`;
  const { stdout } = await run(node, ["--input-type=module", "-e", code], { cwd: consumerDir });
  return JSON.parse(stdout) as ExportShape;
}

/** Loads `specifier` from the consumer project with `require` (CJS) on the given Node binary. */
export async function requireExports(node: string, consumerDir: string, specifier: string): Promise<ExportShape> {
  const code = `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(${describeExports}));`;
  const { stdout } = await run(node, ["--input-type=commonjs", "-e", code], { cwd: consumerDir });
  return JSON.parse(stdout) as ExportShape;
}

/** Resolves a data subpath (e.g. `@cdesk/types/openapi.yaml`) both ways and returns the file's text. */
export async function readDataSubpath(node: string, consumerDir: string, specifier: string): Promise<{ esm: string; cjs: string }> {
  const read = `require("node:fs").readFileSync(file, "utf8")`;
  const esm = await run(node, ["--input-type=module", "-e", `import { createRequire } from "node:module"; const require = createRequire(import.meta.url); const file = new URL(import.meta.resolve(${JSON.stringify(specifier)})); process.stdout.write(${read});`], { cwd: consumerDir });
  const cjs = await run(node, ["--input-type=commonjs", "-e", `const file = require.resolve(${JSON.stringify(specifier)}); process.stdout.write(${read});`], { cwd: consumerDir });
  return { esm: esm.stdout, cjs: cjs.stdout };
}

/** Runs an installed bin (node_modules/.bin/NAME) with the given Node binary, as `npx NAME` would. */
export async function runBin(node: string, consumerDir: string, bin: string, args: readonly string[]): Promise<string> {
  const { stdout, stderr } = await run(node, [join(consumerDir, "node_modules", ".bin", bin), ...args], { cwd: consumerDir });
  return stdout + stderr;
}

/** What fixtures/consumer/scenario.mjs reports after driving the mock with the client and poller. */
export interface ScenarioReport {
  offers: number;
  procureStatus: string;
  readyStatus: string;
  sshCommand: string | null;
  notFound: string;
  mockClosed: boolean;
}

/** The consumer scenario's two entry points: through `import` and through `require`. */
export const scenarioEntries = ["scenario.mjs", "scenario.cjs"] as const;

/** Runs a consumer scenario entry (mock + client + poller, all from the tarballs) on the given Node binary. */
export async function runScenario(node: string, consumerDir: string, entry: (typeof scenarioEntries)[number]): Promise<ScenarioReport> {
  const { stdout } = await run(node, [entry], { cwd: consumerDir });
  const report = stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(report) as ScenarioReport;
}
