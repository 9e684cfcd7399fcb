/// <reference lib="dom" />
import { spawn } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { userEnvironment } from "@cdesk/package-smoke/consumer-project";
import { startApiServer, type ApiServer } from "../src/api-server.mjs";
import { installExample } from "../src/examples.mjs";
import { runOrThrow } from "../src/run.mjs";
import { withoutVitest } from "../src/run-unit.mjs";

// Each example is copied, installed from the packed tarballs with npm, and used as its README says.
const { packages, readerDir, scratchDir } = inject("readmeBlocks");
const env = withoutVitest(userEnvironment(process.env));
let api: ApiServer;
let examplesDir: string;

beforeAll(async () => {
  api = await startApiServer(readerDir);
  examplesDir = await mkdtemp(join(scratchDir, "examples-"));
});
afterAll(() => api?.close());

const install = (name: string) => installExample(name, join(examplesDir, name), packages);

describe("examples/node-script", () => {
  it("rents the cheapest H100 on the simulator, prints its ssh command and releases it on Enter", async () => {
    const dir = await install("node-script");
    await runOrThrow("npm", ["run", "build"], { cwd: dir, env });
    const keyFile = join(dir, "id_ed25519.pub");
    await writeFile(keyFile, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample example@cdesk\n");

    const child = spawn(process.execPath, ["dist/gpu-session.js", "H100"], {
      cwd: dir,
      env: { ...env, ...api.env, SSH_PUBLIC_KEY_FILE: keyFile },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.includes("Press Enter")) child.stdin.end("\n"); // the user presses Enter
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
    const code = await new Promise((resolve) => child.on("close", resolve));

    expect({ code, output }).toMatchObject({ code: 0 });
    expect(output).toMatch(/^ssh /m);
    expect(output).toMatch(/Released [0-9a-f-]{36}/);
  });
});

describe.each(["vitest-simulator", "vitest-prism"])("examples/%s", (name) => {
  it("passes npm test (tsc, then its vitest suite)", async () => {
    const dir = await install(name);
    const { output: colored } = await runOrThrow("npm", ["test"], { cwd: dir, env, hangLimitMs: 300_000 });
    const output = colored.replace(/\x1b\[[0-9;]*m/g, "");
    expect(output).toMatch(/Tests\s+\d+ passed/);
    expect(output).not.toMatch(/failed/);
  });
});

describe("examples/browser-page", () => {
  it("searches offers from Chromium across origins (page server and simulator on different ports)", async () => {
    const dir = await install("browser-page");
    await runOrThrow("npm", ["run", "build"], { cwd: dir, env });
    const server = spawn(process.execPath, ["serve.mjs", "0"], { cwd: dir, env, stdio: ["ignore", "pipe", "inherit"] });
    const browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      args: ["--no-sandbox", "--headless", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    try {
      const pageUrl = await new Promise<string>((resolve, reject) => {
        let printed = "";
        server.stdout.setEncoding("utf8").on("data", (chunk: string) => {
          printed += chunk;
          const url = /Serving on (http:\S+)/.exec(printed)?.[1];
          if (url) resolve(url);
        });
        server.on("close", (code) => reject(new Error(`serve.mjs exited with ${code}: ${printed}`)));
      });
      const page = await browser.newPage();
      const pageErrors: string[] = [];
      page.on("pageerror", (error) => pageErrors.push(error.message));
      await page.goto(pageUrl);
      await page.fill("input[name=baseUrl]", api.url);
      await page.fill("input[name=token]", "browser-token");
      await page.click("button[type=submit]");
      await page.waitForFunction(() => /offers$|Error|error/.test(document.querySelector("#message")?.textContent ?? ""));

      expect(await page.textContent("#message")).toMatch(/^\d+ offers$/);
      const shown = await page.$$eval("#offers tbody tr td:first-child", (cells) => cells.map((cell) => cell.textContent));
      expect(shown.length).toBeGreaterThan(0);
      expect(api.offerIds()).toEqual(expect.arrayContaining(shown));
      expect(pageErrors).toEqual([]);
    } finally {
      await browser.close();
      server.kill();
    }
  });
});
