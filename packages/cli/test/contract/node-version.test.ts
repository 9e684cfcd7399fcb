import { spawn } from "node:child_process";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { CDESK_BIN, cliEnv, finished } from "../support/cli.js";

/** The bin on this Node, told by `--import` that it is `version` (`process.version`, `process.versions.node`). */
function cdeskOnNode(version: string, ...args: string[]) {
  const pretend = `Object.defineProperty(process.versions,"node",{value:"${version}"});Object.defineProperty(process,"version",{value:"v${version}"})`;
  const child = spawn(process.execPath, ["--import", `data:text/javascript,${pretend}`, CDESK_BIN, ...args], {
    env: cliEnv("http://127.0.0.1:1"),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return finished(child);
}

describe("the Node.js version", () => {
  it("older than the package's engines: one clear error instead of a SyntaxError, exit 1", async () => {
    const { engines } = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect(engines.node).toBe(">=20.10");
    const { code, stdout, stderr } = await cdeskOnNode("20.9.0", "--version");
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      "error: cdesk needs Node.js 20.10 or later; this is v20.9.0.\n" +
        "hint: Install a current LTS release (24 or 26) from https://nodejs.org or your version manager.\n",
    );
  });

  // That Node 20.10 really runs the CLI was checked by hand (`npx -p node@20.10.0`), the login prompt included.
  it("20.10 itself passes the check", async () => {
    const { code, stdout } = await cdeskOnNode("20.10.0", "--version");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
