import { spawn } from "node:child_process";
import { chmod, mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { CDESK_BIN, cliEnv, runCli } from "../support/cli.js";

const TOKEN = "cd_test_0123456789abcdef";

/** An environment with its own empty config directory and no token in the environment. */
async function loginEnv(extra: Record<string, string | undefined> = {}) {
  const config = await mkdtemp(join(tmpdir(), "cdesk-xdg-"));
  const env = cliEnv(inject("lifecycleUrl"), { CDESK_API_TOKEN: undefined, XDG_CONFIG_HOME: config, ...extra });
  return { env, file: join(config, "cdesk", "profiles.json") };
}

describe("auth login", () => {
  it("saves a token from stdin in the config directory, in a file only the user can read", async () => {
    const { env, file } = await loginEnv();
    const { code, stdout, stderr } = await runCli(["auth", "login"], env, `${TOKEN}\n`);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain(`Saved the token of profile "default" in ${file} (readable only by you).`);
    expect(stderr).not.toContain(TOKEN);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual({ profiles: { default: { token: TOKEN } } });
    // Every later command uses it.
    expect((await runCli(["regions"], env)).code).toBe(0);
  });

  it("keeps one token per --profile (or CDESK_PROFILE), with the --base-url given", async () => {
    const { env, file } = await loginEnv();
    await runCli(["auth", "login", "--profile", "staging", "--base-url", "http://127.0.0.1:1"], env, "staging-token");
    await runCli(["auth", "login"], { ...env, CDESK_PROFILE: "ci" }, "ci-token");
    expect(JSON.parse(await readFile(file, "utf8")).profiles).toEqual({
      staging: { token: "staging-token", base_url: "http://127.0.0.1:1" },
      ci: { token: "ci-token" },
    });
  });

  it("refuses an empty token or one with spaces in it, saving nothing", async () => {
    const { env, file } = await loginEnv();
    expect(await runCli(["auth", "login"], env, "\n")).toMatchObject({ code: 2, stderr: expect.stringContaining("No token given") });
    expect((await runCli(["auth", "login"], env, "two words")).code).toBe(2);
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("auth status", () => {
  it("shows the profile, the address, the token masked, and that the API accepts it", async () => {
    const { env } = await loginEnv();
    await runCli(["auth", "login"], env, TOKEN);
    const { code, stdout } = await runCli(["auth", "status"], env);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Profile:\s+default$/m);
    expect(stdout).toMatch(/^Token:\s+cd_t…cdef \(24 characters\), from profile "default" \(.*profiles\.json\)$/m);
    expect(stdout).toMatch(new RegExp(`^Base URL:\\s+${inject("lifecycleUrl")} \\(CDESK_BASE_URL\\)$`, "m"));
    expect(stdout).toMatch(/^API:\s+accepts the token$/m);
    expect(stdout).not.toContain(TOKEN);
  });

  it("a flag wins over the environment, and the environment over the profile", async () => {
    const { env } = await loginEnv({ CDESK_API_TOKEN: "from-the-environment-123" });
    await runCli(["auth", "login"], env, TOKEN);
    const status = JSON.parse((await runCli(["auth", "status", "--json"], env)).stdout);
    expect(status).toMatchObject({ token_from: "CDESK_API_TOKEN", token: "from…-123 (24 characters)", api: "accepted" });
  });

  it("exit code 5 when the API refuses the token, or there is none", async () => {
    const { env } = await loginEnv();
    await runCli(["auth", "login"], env, TOKEN);
    const refused = await runCli(["auth", "status", "-H", "Prefer: code=401"], env);
    expect(refused.code).toBe(5);
    expect(refused.stdout).toMatch(/^API:\s+refuses the token$/m);
    expect(refused.stderr).toMatch(/^error: 401 Unauthorized/);
    const none = await runCli(["auth", "status"], (await loginEnv()).env);
    expect(none.code).toBe(5);
    expect(none.stdout).toMatch(/^Token:\s+none$/m);
  });

  it("warns when the saved token is readable by others", async () => {
    const { env, file } = await loginEnv();
    await runCli(["auth", "login"], env, TOKEN);
    await chmod(file, 0o644);
    const { stderr } = await runCli(["regions"], env);
    expect(stderr).toContain(`warning: ${file} holds your API token and other users can read it: run \`chmod 600 ${file}\`.`);
  });
});

describe("auth logout", () => {
  it("removes the saved token; the next command has none", async () => {
    const { env, file } = await loginEnv();
    await runCli(["auth", "login"], env, TOKEN);
    expect(await runCli(["auth", "logout"], env)).toMatchObject({ code: 0, stderr: 'Removed the saved token of profile "default".\n' });
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await runCli(["regions"], env)).code).toBe(5);
  });
});

/** `cdesk auth login` on a pseudo-terminal (util-linux `script`: stdin is a TTY, as when a person types); `keys` are typed at the prompt. */
async function loginOnTerminal(env: NodeJS.ProcessEnv, keys: string) {
  const child = spawn("script", ["-qec", `"${process.execPath}" "${CDESK_BIN}" auth login`, "/dev/null"], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  let screen = "";
  let typed = false;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    screen += chunk;
    if (!typed && screen.includes("it is not shown")) {
      typed = true;
      child.stdin.write(keys);
    }
  });
  const code = await new Promise((resolve) => child.on("close", resolve));
  return { code, screen };
}

describe("auth login on a terminal", () => {
  it("prompts on a pseudo-terminal and never echoes the token", async () => {
    const { env, file } = await loginEnv();
    const { code, screen } = await loginOnTerminal(env, `${TOKEN}\r`);
    expect(code).toBe(0);
    expect(screen).toContain("Paste your API token (it is not shown): ");
    expect(screen).toContain('Saved the token of profile "default"');
    expect(screen).not.toContain(TOKEN);
    expect(JSON.parse(await readFile(file, "utf8")).profiles.default.token).toBe(TOKEN);
  });

  it("stops on Ctrl-C at the prompt: exit 130, nothing saved", async () => {
    const { env, file } = await loginEnv();
    const { code, screen } = await loginOnTerminal(env, `${TOKEN.slice(0, 5)}\u0003`);
    expect(code).toBe(130);
    expect(screen).toContain("Interrupted.");
    expect(screen).not.toContain(TOKEN.slice(0, 5));
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
