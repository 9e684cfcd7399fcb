import { chmod, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { saveProfile } from "./auth/profiles.js";
import { resolveConnection } from "./config.js";
import { UsageError } from "./errors.js";

/** A runtime whose config directory is a fresh temporary one; files are real. */
async function runtime(env: Record<string, string> = {}) {
  const home = await mkdtemp(join(tmpdir(), "cdesk-config-"));
  const warnings: string[] = [];
  return {
    configDir: join(home, "cdesk"),
    warnings,
    env: { XDG_CONFIG_HOME: home, ...env },
    platform: "linux" as const,
    homedir: () => home,
    readFile: (path: string) => readFile(path, "utf8"),
    stderr: { write: (text: string) => warnings.push(text) },
  };
}

describe("resolveConnection", () => {
  it("takes the token and address from the environment", async () => {
    const resolved = await resolveConnection({}, await runtime({ CDESK_API_TOKEN: "t0k", CDESK_BASE_URL: "http://localhost:4010" }));
    expect(resolved).toEqual({
      connection: { token: "t0k", baseUrl: "http://localhost:4010" },
      profile: "default",
      tokenFrom: "CDESK_API_TOKEN",
      baseUrlFrom: "CDESK_BASE_URL",
    });
  });

  it("prefers --token-file and --base-url, trimming the file's newline", async () => {
    const io = await runtime({ CDESK_API_TOKEN: "from-env", CDESK_BASE_URL: "http://env" });
    const file = join(io.homedir(), "token");
    await writeFile(file, "from-file\n", { mode: 0o600 });
    const { connection } = await resolveConnection({ tokenFile: file, baseUrl: "https://staging.example" }, io);
    expect(connection).toEqual({ token: "from-file", baseUrl: "https://staging.example" });
  });

  it("falls back to the saved profile: flag > environment > profile", async () => {
    const io = await runtime();
    await saveProfile(io.configDir, "default", { token: "saved", base_url: "https://saved.example" });
    expect((await resolveConnection({}, io)).connection).toEqual({ token: "saved", baseUrl: "https://saved.example" });
    io.env = { ...io.env, CDESK_API_TOKEN: "from-env" } as typeof io.env;
    expect((await resolveConnection({ baseUrl: "https://flag.example" }, io)).connection).toEqual({
      token: "from-env",
      baseUrl: "https://flag.example",
    });
  });

  it("picks the profile by --profile, else CDESK_PROFILE", async () => {
    const io = await runtime({ CDESK_PROFILE: "staging" });
    await saveProfile(io.configDir, "staging", { token: "staging-token" });
    await saveProfile(io.configDir, "prod", { token: "prod-token" });
    expect(await resolveConnection({}, io)).toMatchObject({ profile: "staging", connection: { token: "staging-token" } });
    expect(await resolveConnection({ profile: "prod" }, io)).toMatchObject({ profile: "prod", connection: { token: "prod-token" } });
    await expect(resolveConnection({ profile: "nope" }, io)).rejects.toThrow(
      new UsageError('No saved login named "nope": run `cdesk auth login --profile nope` first.'),
    );
  });

  it("warns when a token file is readable by others", async () => {
    const io = await runtime();
    const path = await saveProfile(io.configDir, "default", { token: "saved" });
    await resolveConnection({}, io);
    expect(io.warnings).toEqual([]);
    await chmod(path, 0o644);
    await resolveConnection({}, io);
    expect(io.warnings).toEqual([`warning: ${path} holds your API token and other users can read it: run \`chmod 600 ${path}\`.\n`]);
  });

  it("passes -H headers on to every request", async () => {
    const { connection } = await resolveConnection({ header: { Prefer: "code=404" } }, await runtime({ CDESK_API_TOKEN: "t" }));
    expect(connection).toEqual({ token: "t", headers: { Prefer: "code=404" } });
  });

  it("leaves out what is not set, so the client applies its defaults and its missing-token error", async () => {
    expect((await resolveConnection({}, await runtime({ CDESK_API_TOKEN: "  " }))).connection).toEqual({});
  });

  it("reports an unreadable or empty token file as a usage error naming the file", async () => {
    const io = await runtime();
    await expect(resolveConnection({ tokenFile: "/nope" }, io)).rejects.toThrow(new UsageError("Cannot read --token-file /nope: ENOENT"));
    const empty = join(io.homedir(), "empty");
    await writeFile(empty, "\n");
    await expect(resolveConnection({ tokenFile: empty }, io)).rejects.toThrow(`--token-file ${empty} is empty`);
  });
});
