import { describe, expect, it, vi } from "vitest";
import type { CdeskClient, ClientFactory } from "./context.js";
import { run } from "./run.js";
import type { Runtime } from "./runtime.js";

const OFFERS = { offers: [], total_count: 0, filters_applied: {} };

/** A runtime with memory streams, a fixed clock and the given files; no terminal, no signals. */
function fakeRuntime(files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const runtime: Runtime = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    now: () => new Date("2026-11-29T10:00:00Z"),
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error("missing"), { code: "ENOENT" });
    },
    onInterrupt: () => () => {},
  };
  return { runtime, stdout: () => out.join(""), stderr: () => err.join("") };
}

/** A client whose `offers.search` records its query; `makeClient` records its options. */
function fakeClient() {
  const search = vi.fn(async () => OFFERS);
  const makeClient = vi.fn(() => ({ offers: { search } }) as unknown as CdeskClient) as unknown as ClientFactory;
  return { search, makeClient };
}

const cdesk = (...args: string[]) => ["node", "cdesk", ...args];

describe("help", () => {
  it("explains the usual path, configuration and exit codes, without needing a token", async () => {
    const io = fakeRuntime();
    const { makeClient } = fakeClient();
    expect(await run(cdesk("--help"), io.runtime, makeClient)).toBe(0);
    expect(io.stdout()).toContain("$ cdesk procure <offer-id> --ssh-key ~/.ssh/id_ed25519.pub --wait");
    expect(io.stdout()).toContain("CDESK_API_TOKEN");
    expect(io.stdout()).toContain("Exit codes: 0 ok, 1 API or network error, 2 usage error");
    expect(makeClient).not.toHaveBeenCalled();
  });

  it.each(["gpus", "vendors", "regions", "contracts", "storage", "offers", "offer", "procure", "status", "resources", "resource", "delete"])(
    "%s --help ends with examples",
    async (command) => {
      const io = fakeRuntime();
      expect(await run(cdesk(command, "--help"), io.runtime, fakeClient().makeClient)).toBe(0);
      expect(io.stdout()).toMatch(new RegExp(`Examples:\\n  \\$ cdesk ${command}`));
    },
  );

  it("no command at all shows the help on stderr as a usage error", async () => {
    const io = fakeRuntime();
    expect(await run(cdesk(), io.runtime, fakeClient().makeClient)).toBe(2);
    expect(io.stderr()).toContain("Usage: cdesk [options] [command]");
  });
});

describe("offers", () => {
  it("turns the flags into the API's query object", async () => {
    const io = fakeRuntime();
    const { search, makeClient } = fakeClient();
    const args = ["offers", "--gpu", "H100", "--count", "2", "--max-price", "3.5", "--region", "EU", "--vendor", "nebius", "--contract", "spot"];
    expect(await run(cdesk(...args), io.runtime, makeClient)).toBe(0);
    expect(search).toHaveBeenCalledWith({
      region: "EU",
      vendor: "nebius",
      compute: { gpu_type: "H100", gpu_count: 2, max_price_per_gpu_hour: 3.5, contract_type: "spot" },
    });
  });

  it("sends a -f file's YAML unchanged", async () => {
    const yaml = "compute:\n  gpu_type: B200\n";
    const io = fakeRuntime({ "q.yaml": yaml });
    const { search, makeClient } = fakeClient();
    expect(await run(cdesk("offers", "-f", "q.yaml"), io.runtime, makeClient)).toBe(0);
    expect(search).toHaveBeenCalledWith(yaml);
  });

  it("says so on stderr when nothing matches, leaving stdout empty; --json still prints the answer", async () => {
    const io = fakeRuntime();
    expect(await run(cdesk("offers", "--gpu", "B200"), io.runtime, fakeClient().makeClient)).toBe(0);
    expect(io.stdout()).toBe("");
    expect(io.stderr()).toMatch(/^No offer matches\./);
    const json = fakeRuntime();
    expect(await run(cdesk("--json", "offers", "--gpu", "B200"), json.runtime, fakeClient().makeClient)).toBe(0);
    expect(JSON.parse(json.stdout())).toEqual(OFFERS);
    expect(json.stderr()).toBe("");
  });
});

it("builds the client from --token-file and --base-url, global flags placed anywhere", async () => {
  const io = fakeRuntime({ "/secrets/token": "s3cret\n" }, { CDESK_API_TOKEN: "ignored" });
  const { makeClient } = fakeClient();
  const args = cdesk("offers", "--gpu", "H100", "--token-file", "/secrets/token", "--base-url", "http://127.0.0.1:4010");
  expect(await run(args, io.runtime, makeClient)).toBe(0);
  expect(makeClient).toHaveBeenCalledWith({ token: "s3cret", baseUrl: "http://127.0.0.1:4010" });
});
