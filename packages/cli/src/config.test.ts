import { describe, expect, it } from "vitest";
import { resolveConnection } from "./config.js";
import { UsageError } from "./errors.js";

function runtime(env: Record<string, string>, files: Record<string, string> = {}) {
  return {
    env,
    readFile: async (path: string) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error("no such file"), { code: "ENOENT" });
    },
  };
}

describe("resolveConnection", () => {
  it("takes the token and address from the environment", async () => {
    expect(await resolveConnection({}, runtime({ CDESK_API_TOKEN: "t0k", CDESK_BASE_URL: "http://localhost:4010" }))).toEqual({
      token: "t0k",
      baseUrl: "http://localhost:4010",
    });
  });

  it("prefers --token-file and --base-url, trimming the file's newline", async () => {
    const connection = await resolveConnection(
      { tokenFile: "/run/secrets/cdesk", baseUrl: "https://staging.example" },
      runtime({ CDESK_API_TOKEN: "from-env", CDESK_BASE_URL: "http://env" }, { "/run/secrets/cdesk": "from-file\n" }),
    );
    expect(connection).toEqual({ token: "from-file", baseUrl: "https://staging.example" });
  });

  it("passes -H headers on to every request", async () => {
    expect(await resolveConnection({ header: { Prefer: "code=404" } }, runtime({ CDESK_API_TOKEN: "t" }))).toEqual({
      token: "t",
      headers: { Prefer: "code=404" },
    });
  });

  it("leaves out what is not set, so the client applies its defaults and its missing-token error", async () => {
    expect(await resolveConnection({}, runtime({ CDESK_API_TOKEN: "  " }))).toEqual({});
  });

  it("reports an unreadable or empty token file as a usage error naming the file", async () => {
    await expect(resolveConnection({ tokenFile: "/nope" }, runtime({}))).rejects.toThrow(
      new UsageError("Cannot read --token-file /nope: ENOENT"),
    );
    await expect(resolveConnection({ tokenFile: "/empty" }, runtime({}, { "/empty": "\n" }))).rejects.toThrow(
      "--token-file /empty is empty",
    );
  });
});
