import { afterEach, describe, expect, it, vi } from "vitest";
import { CdeskConfigError, createCdeskClient } from "./index.js";
import { json, scriptedFetch, TOKEN } from "../test/support/fake-api.js";

afterEach(() => vi.unstubAllEnvs());

function configError(options: Parameters<typeof createCdeskClient>[0]): CdeskConfigError {
  try {
    createCdeskClient(options);
  } catch (error) {
    expect(error).toBeInstanceOf(CdeskConfigError);
    return error as CdeskConfigError;
  }
  throw new Error("expected a CdeskConfigError");
}

describe("defaults from the environment", () => {
  it("takes the token, base URL and log level from CDESK_* variables", async () => {
    vi.stubEnv("CDESK_API_TOKEN", TOKEN);
    vi.stubEnv("CDESK_BASE_URL", "http://127.0.0.1:4010/");
    vi.stubEnv("CDESK_LOG", "DEBUG");
    const { fetch, requests } = scriptedFetch(json({}));
    const debug = vi.fn();
    await createCdeskClient({ fetch, logger: { debug, info: vi.fn(), warn: vi.fn(), error: vi.fn() } }).catalog.gpus();
    expect(requests[0]!.url).toBe("http://127.0.0.1:4010/available_gpus");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(debug).toHaveBeenCalledTimes(1);
  });

  it("falls back to the spec's server", async () => {
    vi.stubEnv("CDESK_BASE_URL", undefined);
    const { fetch, requests } = scriptedFetch(json({}));
    await createCdeskClient({ token: TOKEN, fetch }).catalog.gpus();
    expect(requests[0]!.url).toBe("https://supply-api.compute-desk.com/available_gpus");
  });

  it("lets options win over the environment", async () => {
    vi.stubEnv("CDESK_API_TOKEN", "from-env");
    vi.stubEnv("CDESK_BASE_URL", "https://env.example");
    const { fetch, requests } = scriptedFetch(json({}));
    await createCdeskClient({ token: TOKEN, baseUrl: "https://option.example", fetch }).catalog.gpus();
    expect(requests[0]!.url).toBe("https://option.example/available_gpus");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("works where there is no process at all (browsers, edge)", async () => {
    const { fetch } = scriptedFetch(json({ H100: [] }));
    vi.stubGlobal("process", undefined);
    try {
      expect(() => createCdeskClient()).toThrow(CdeskConfigError);
      await expect(createCdeskClient({ token: TOKEN, fetch }).catalog.gpus()).resolves.toEqual({ H100: [] });
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("uses the global fetch at call time when none is given", async () => {
    const { fetch } = scriptedFetch(json({ stubbed: ["yes"] }));
    const client = createCdeskClient({ token: TOKEN });
    vi.stubGlobal("fetch", fetch);
    try {
      await expect(client.catalog.gpus()).resolves.toEqual({ stubbed: ["yes"] });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("a client that cannot work is refused at construction", () => {
  it("without a token, naming the option and the variable", () => {
    vi.stubEnv("CDESK_API_TOKEN", undefined);
    const error = configError({});
    expect(error.option).toBe("token");
    expect(error.message).toContain("`token`");
    expect(error.message).toContain("CDESK_API_TOKEN");
  });

  it.each([
    ["an empty token", { token: "" }, "token"],
    ["a token with a line break", { token: "abc\ndef" }, "token"],
    ["a relative base URL", { token: TOKEN, baseUrl: "/api" }, "baseUrl"],
    ["a non-http base URL", { token: TOKEN, baseUrl: "ftp://example.com" }, "baseUrl"],
    ["a zero timeout", { token: TOKEN, timeoutMs: 0 }, "timeoutMs"],
    ["a timeout setTimeout cannot hold", { token: TOKEN, timeoutMs: 2 ** 31 }, "timeoutMs"],
    ["fractional retries", { token: TOKEN, maxRetries: 1.5 }, "maxRetries"],
    ["an unknown log level", { token: TOKEN, logLevel: "verbose" as "debug" }, "logLevel"],
    ["a fetch that is not a function", { token: TOKEN, fetch: "fetch" as never }, "fetch"],
  ])("%s", (_, options, option) => {
    expect(configError(options).option).toBe(option);
  });

  it("an unknown CDESK_LOG", () => {
    vi.stubEnv("CDESK_LOG", "loud");
    expect(configError({ token: TOKEN }).message).toContain("CDESK_LOG");
  });
});

describe("the token never travels over plain http to another machine", () => {
  it.each(["http://api.example.com", "http://10.0.0.5:4010", "http://[2001:db8::1]"])("refuses %s", (baseUrl) => {
    const error = configError({ token: TOKEN, baseUrl });
    expect(error.option).toBe("baseUrl");
    expect(error.message).toContain("allowInsecureHttp");
    expect(error.message).not.toContain(TOKEN);
  });

  it.each(["http://localhost:4010", "http://127.0.0.1:4010", "http://[::1]:4010", "http://mock.localhost"])(
    "allows loopback %s",
    (baseUrl) => {
      expect(() => createCdeskClient({ token: TOKEN, baseUrl })).not.toThrow();
    },
  );

  it("allows it when explicitly told to", () => {
    expect(() => createCdeskClient({ token: TOKEN, baseUrl: "http://mock.internal", allowInsecureHttp: true })).not.toThrow();
  });

  it.each(["http://api.example.com", "http://127.0.0.1.evil.example", "https://elsewhere.example"])(
    "a raw call cannot send it elsewhere: a per-request baseUrl (%s) is refused before anything is sent",
    async (baseUrl) => {
      const { fetch } = scriptedFetch(json({}));
      const client = createCdeskClient({ token: TOKEN, baseUrl: "http://127.0.0.1", fetch });
      await expect(client.raw.GET("/available_gpus", { baseUrl })).rejects.toMatchObject({ name: "CdeskInputError", field: "baseUrl" });
      expect(fetch).not.toHaveBeenCalled();
    },
  );
});
