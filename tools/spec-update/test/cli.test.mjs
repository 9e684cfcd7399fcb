// The command as a user runs it: a real process, its exit status and its output.
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scratchRepo } from "./fixtures.mjs";
import { removeScratch, snapshot } from "./helpers.mjs";

const CLI = fileURLToPath(new URL("../src/cli.mjs", import.meta.url));

/** @param {string[]} args @param {string} cwd */
function run(args, cwd) {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, INIT_CWD: cwd } }, (error, stdout, stderr) =>
      resolve({ status: error ? error.code : 0, stdout, stderr }),
    );
  });
}

/** @type {string} */
let root;
beforeAll(async () => {
  root = await scratchRepo();
});
afterAll(() => removeScratch(root));

describe("cdesk-spec-update (the process behind pnpm spec:update)", () => {
  it("exits 1 with the reason on stderr and touches nothing when the new spec is invalid", async () => {
    await writeFile(join(root, "swagger.json"), JSON.stringify({ swagger: "2.0", info: { title: "x", version: "1" }, paths: {} }));
    const before = await snapshot(root);

    const result = await run(["swagger.json", "--root", "."], root);

    expect(result).toEqual({
      status: 1,
      stdout: "",
      stderr: "spec:update: swagger.json is not a valid OpenAPI 3.x document:\n  - it is a Swagger 2.0 document; OpenAPI 3.x is required\n",
    });
    expect(await snapshot(root)).toEqual(before);
  });

  it.each([
    [[], "Give exactly one file or URL."],
    [["a.yaml", "b.yaml"], "Give exactly one file or URL."],
    [["a.yaml", "--bump", "huge"], "--bump must be one of major, minor, patch."],
    [["a.yaml", "--frobnicate"], "Unknown option '--frobnicate'"],
  ])("exits 2 with the usage for %j", async (args, message) => {
    const result = await run([...args, "--root", "."], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(result.stderr).toContain("Usage: pnpm spec:update <file-or-url> [options]");
  });

  it("prints the usage with --help", async () => {
    const result = await run(["--help"], root);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout).toContain("--dry-run                 print the summary and the changeset; write and run nothing");
  });
});
