import { spawnSync } from "node:child_process";
import { describe, expect, inject, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";

const env = () => cliEnv(inject("lifecycleUrl"));

describe("completion", () => {
  it("bash: a script bash accepts (bash -n)", async () => {
    const { code, stdout } = await runCli(["completion", "bash"], env());
    expect(code).toBe(0);
    expect(stdout).toContain("complete -F __cdesk_complete cdesk");
    const check = spawnSync("bash", ["-n"], { input: stdout, encoding: "utf8" });
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it.each([
    ["zsh", "#compdef cdesk"],
    ["fish", "complete -c cdesk"],
  ])("%s: a script for that shell", async (shell, marker) => {
    const { code, stdout } = await runCli(["completion", shell], env());
    expect(code).toBe(0);
    expect(stdout).toContain(marker);
  });

  it("the script's call-back completes commands and their options", async () => {
    const commands = await runCli(["complete", "--", "st"], env());
    expect(commands.stdout.split("\n").map((line) => line.split("\t")[0])).toEqual(["storage", "status", ":4", ""]);
    const options = await runCli(["complete", "--", "offers", "--max"], env());
    expect(options.stdout).toMatch(/^--max-price\thighest price per GPU per hour, in USD$/m);
  });

  it("refuses a shell it has no script for", async () => {
    const { code, stderr } = await runCli(["completion", "tcsh"], env());
    expect(code).toBe(2);
    expect(stderr).toContain("value 'tcsh' is invalid for argument 'shell'. Allowed choices are zsh, bash, fish, powershell.");
  });
});
