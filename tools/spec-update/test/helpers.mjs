import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { main } from "../src/cli.mjs";

/**
 * Runs the CLI in-process against `root`, recording output and the commands it would run.
 * @param {string[]} args
 * @param {{ root: string, cwd?: string, fetch?: typeof fetch }} options
 */
export async function runCli(args, { root, cwd, fetch }) {
  /** @type {string[]} */
  const out = [];
  /** @type {string[]} */
  const err = [];
  /** @type {string[]} */
  const commands = [];
  const status = await main([...args, "--root", root], {
    cwd: cwd ?? root,
    fetch,
    log: (line) => out.push(line),
    error: (line) => err.push(line),
    run: async (command, commandArgs) => void commands.push([command, ...commandArgs].join(" ")),
  });
  return { status, stdout: out.join("\n"), stderr: err.join("\n"), commands };
}

/**
 * Every file the tool may write, with its content.
 * @param {string} root
 * @returns {Promise<Record<string, string>>}
 */
export async function snapshot(root) {
  /** @type {Record<string, string>} */
  const files = {};
  for (const dir of ["openapi", ".changeset"]) {
    for (const name of await readdir(join(root, dir))) files[`${dir}/${name}`] = await readFile(join(root, dir, name), "utf8");
  }
  return files;
}

/** @param {string} root */
export async function changesetsIn(root) {
  const names = (await readdir(join(root, ".changeset"))).filter((name) => name.endsWith(".md"));
  return Promise.all(names.map((name) => readFile(join(root, ".changeset", name), "utf8")));
}

/** @param {string} root */
export function removeScratch(root) {
  return rm(root, { recursive: true, force: true });
}
