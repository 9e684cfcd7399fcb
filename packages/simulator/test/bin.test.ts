// The cdesk-sim bin as users run it: a child process with a one-line start message, a working
// server, and a clean exit (status 0) on SIGINT and SIGTERM. The bin is bundled from source
// first, so the test does not depend on a previous build.
import { spawn } from "node:child_process";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";

let dir: string;
let binFile: string;

beforeAll(async () => {
  // Inside the package, so that its dependencies (kept external, as in the published build) resolve.
  const cache = fileURLToPath(new URL("../node_modules/.cache/", import.meta.url));
  await mkdir(cache, { recursive: true });
  dir = await mkdtemp(join(cache, "cdesk-sim-bin-"));
  binFile = join(dir, "cli.mjs");
  await build({
    entryPoints: [fileURLToPath(new URL("../src/cli.ts", import.meta.url))],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    outfile: binFile,
    logLevel: "silent",
  });
}, 30_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function startBin(args: string[]) {
  const child = spawn(process.execPath, [binFile, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += chunk));
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
      if (stdout.includes("\n")) resolve(stdout.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`exited with ${code} before listening: ${stderr}`)));
  });
  // A child that exits without listening (bad arguments) never gives a first line: not an error there.
  firstLine.catch(() => {});
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, firstLine, exited, output: () => ({ stdout, stderr }) };
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  test(`prints one start line, serves, and exits 0 on ${signal}`, async () => {
    const bin = startBin(["--port", "0", "--seed", "3", "--provisioning", "20s", "--deletion", "5s"]);
    const line = await bin.firstLine;
    expect(line).toMatch(/^cdesk-sim: Supply API simulator listening on http:\/\/127\.0\.0\.1:\d+ \(seed 3, provisioning 20s, deletion 5s\); Ctrl-C stops it$/);
    const url = /(http:\/\/\S+)/.exec(line)![1]!;
    const response = await fetch(`${url}/available_regions`, { headers: { authorization: "Bearer any" } });
    expect(await response.json()).toEqual(["US", "EU", "APAC", "Other"]);
    bin.child.kill(signal);
    expect(await bin.exited).toBe(0);
    expect(bin.output()).toEqual({ stdout: `${line}\n`, stderr: "" });
  }, 30_000);
}

test("bad arguments exit 2 with the reason and the usage", async () => {
  const bin = startBin(["--port", "nope"]);
  expect(await bin.exited).toBe(2);
  expect(bin.output().stderr).toMatch(/^cdesk-sim: --port must be an integer[\s\S]*Usage: cdesk-sim/);
}, 30_000);
