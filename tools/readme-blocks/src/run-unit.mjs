// @ts-check
import { join } from "node:path";
import { emittedModule, unitPath } from "./layout.mjs";
import { runCommand } from "./run.mjs";

/**
 * Runs a unit as a reader would: a module with `node` (the JavaScript tsc emitted for node16), a
 * project with `vitest run` in its directory. `env` says where the API is.
 *
 * @param {string} readerDir
 * @param {string} blocksDir
 * @param {import("./units.mjs").Unit} unit
 * @param {Record<string, string>} env
 */
export function runUnit(readerDir, blocksDir, unit, env) {
  const childEnv = { ...withoutVitest(process.env), ...env };
  if (unit.kind === "module") return runCommand(process.execPath, [emittedModule(blocksDir, unit)], { cwd: readerDir, env: childEnv });
  const vitest = join(readerDir, "node_modules", "vitest", "vitest.mjs");
  return runCommand(process.execPath, [vitest, "run"], { cwd: unitPath(blocksDir, "node16", unit), env: childEnv });
}

/**
 * The variables this vitest run sets for itself, which a reader's own vitest must not inherit.
 *
 * @param {NodeJS.ProcessEnv} env
 */
export function withoutVitest(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(key)));
}
