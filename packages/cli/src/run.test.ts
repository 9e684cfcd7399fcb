import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeRuntime } from "../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useFakeTime } from "../test/support/fake-time.js";
import { refusingFetch } from "../test/support/fetch-faults.js";
import type { CdeskClient, ClientFactory } from "./context.js";
import { run } from "./run.js";

const OFFERS = { offers: [], total_count: 0, filters_applied: {} };

/** A client whose `offers.search` records its query; `makeClient` records its options. */
function fakeClient(parts: Record<string, unknown> = {}) {
  const search = vi.fn(async () => OFFERS);
  const makeClient = vi.fn(() => ({ offers: { search, ...parts } }) as unknown as CdeskClient) as unknown as ClientFactory;
  return { search, makeClient };
}

/** An `offers.status` that answers `status`, or hangs until its signal fires, like the client. */
function statusCall(status: unknown) {
  return vi.fn((_id: string, options?: { signal?: AbortSignal }) =>
    status !== undefined
      ? Promise.resolve(status)
      : new Promise((_resolve, reject) => options?.signal?.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError", cause: options.signal?.reason })))),
  );
}

const cdesk = (...args: string[]) => ["node", "cdesk", ...args];
const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";

afterEach(() => {
  vi.useRealTimers();
});

describe("help", () => {
  it("explains the usual path, configuration, the time limit and every exit code, without needing a token", async () => {
    const io = fakeRuntime();
    const { makeClient } = fakeClient();
    expect(await run(cdesk("--help"), io.runtime, makeClient)).toBe(0);
    expect(io.stdout()).toContain("$ cdesk up --gpu H100 --region EU --max-price 5 --ssh-key ~/.ssh/id_ed25519.pub");
    expect(io.stdout()).toContain("$ cdesk procure <offer-id> --ssh-key ~/.ssh/id_ed25519.pub --wait");
    expect(io.stdout()).toContain("CDESK_API_TOKEN");
    expect(io.stdout()).toContain("every command gives up after --timeout (exit code 4): by default 2m");
    for (const line of ["  0   ok", "  2   usage error", "  4   timed out", "  5   no API token, or the API refused it (401 or 403)", "  130 interrupted"]) {
      expect(io.stdout()).toContain(line);
    }
    expect(makeClient).not.toHaveBeenCalled();
  });

  it.each(["up", "down", "gpus", "vendors", "regions", "contracts", "storage", "offers", "offer", "procure", "status", "resources", "resource", "delete", "auth", "completion"])(
    "%s --help ends with examples",
    async (command) => {
      const io = fakeRuntime();
      expect(await run(cdesk(command, "--help"), io.runtime, fakeClient().makeClient)).toBe(0);
      expect(io.stdout()).toMatch(new RegExp(`Examples:\\n  \\$ cdesk ${command}`));
    },
  );

  it("storage --help says where a storage type goes", async () => {
    const io = fakeRuntime();
    await run(cdesk("storage", "--help"), io.runtime, fakeClient().makeClient);
    expect(io.stdout()).toContain("# a table; put a type in the storage: list of a query file (`cdesk offers -f`)");
  });

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
    expect(search).toHaveBeenCalledWith(
      { region: "EU", vendor: "nebius", compute: { gpu_type: "H100", gpu_count: 2, max_price_per_gpu_hour: 3.5, contract_type: "spot" } },
      { signal: expect.any(AbortSignal) },
    );
  });

  it("sends a -f file's YAML unchanged", async () => {
    const yaml = "compute:\n  gpu_type: B200\n";
    const io = fakeRuntime({ "q.yaml": yaml });
    const { search, makeClient } = fakeClient();
    expect(await run(cdesk("offers", "-f", "q.yaml"), io.runtime, makeClient)).toBe(0);
    expect(search).toHaveBeenCalledWith(yaml, expect.anything());
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

describe("the client", () => {
  it("is built from --token-file and --base-url, global flags placed anywhere, and is quiet by default", async () => {
    const io = fakeRuntime({ "/secrets/token": "s3cret\n" }, { CDESK_API_TOKEN: "ignored" });
    const { makeClient } = fakeClient();
    const args = cdesk("offers", "--gpu", "H100", "--token-file", "/secrets/token", "--base-url", "http://127.0.0.1:4010");
    expect(await run(args, io.runtime, makeClient)).toBe(0);
    expect(makeClient).toHaveBeenCalledWith(expect.objectContaining({ token: "s3cret", baseUrl: "http://127.0.0.1:4010", logLevel: "off" }));
  });

  it("logs with --verbose or CDESK_LOG, and takes --allow-insecure-http", async () => {
    const { makeClient } = fakeClient();
    await run(cdesk("offers", "--gpu", "H100", "--verbose", "--allow-insecure-http"), fakeRuntime({}, { CDESK_API_TOKEN: "t" }).runtime, makeClient);
    expect(makeClient).toHaveBeenLastCalledWith(expect.objectContaining({ logLevel: "debug", allowInsecureHttp: true }));
    await run(cdesk("offers", "--gpu", "H100"), fakeRuntime({}, { CDESK_API_TOKEN: "t", CDESK_LOG: "info" }).runtime, makeClient);
    expect(makeClient).toHaveBeenLastCalledWith(expect.objectContaining({ logLevel: "info" }));
  });

  it("--verbose (or CDESK_LOG) shows the client's line for each attempt; without them, only the error", async () => {
    useFakeTime(refusingFetch);
    const verbose = fakeRuntime();
    expect(await cdeskOnFakeTime(["regions", "--verbose"], verbose.runtime)).toBe(1);
    expect(verbose.stderr().match(/^\[cdesk\] GET \/available_regions network-error \d+ms attempt \d\/3/gm)).toHaveLength(3);
    const logged = fakeRuntime({}, { CDESK_LOG: "warn" });
    expect(await cdeskOnFakeTime(["regions"], logged.runtime)).toBe(1);
    expect(logged.stderr()).toMatch(/^\[cdesk\] GET \/available_regions network-error \d+ms attempt 3\/3$/m);
    const quiet = fakeRuntime();
    expect(await cdeskOnFakeTime(["regions"], quiet.runtime)).toBe(1);
    expect(quiet.stderr()).not.toContain("[cdesk]");
  });

  it("refuses a CDESK_LOG it does not know, in its own words", async () => {
    const io = fakeRuntime({}, { CDESK_API_TOKEN: "t", CDESK_LOG: "loud" });
    expect(await run(cdesk("offers", "--gpu", "H100"), io.runtime, fakeClient().makeClient)).toBe(2);
    expect(io.stderr()).toBe('error: CDESK_LOG must be one of debug, info, warn, error, off, got "loud".\n');
  });
});

describe("the deadline (fake time)", () => {
  it("ends a wait at --timeout with the last stage seen and how to resume, exit 4", async () => {
    vi.useFakeTimers();
    const io = fakeRuntime();
    const status = statusCall({ offer_id: OFFER_ID, procurement_status: "provisioning_started", instances: [] });
    const exit = run(cdesk("status", OFFER_ID, "--wait", "--interval", "1h", "--timeout", "2s"), io.runtime, fakeClient({ status }).makeClient);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(await exit).toBe(4);
    expect(status).toHaveBeenCalledTimes(1);
    expect(io.stderr()).toContain("error: Gave up after 2s (last seen: provisioning started).\n");
    expect(io.stderr()).toContain(`hint: A longer --timeout waits more. Resume with: cdesk status ${OFFER_ID} --wait\n`);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("bounds a one-shot command's request too: the default is 2 minutes", async () => {
    vi.useFakeTimers();
    const io = fakeRuntime();
    const hung = statusCall(undefined);
    const exit = run(cdesk("status", OFFER_ID), io.runtime, fakeClient({ status: hung }).makeClient);
    await vi.advanceTimersByTimeAsync(119_999);
    expect(hung.mock.calls[0]?.[1]?.signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await exit).toBe(4);
    expect(io.stderr()).toBe("error: Gave up after 2m 00s.\nhint: A longer --timeout waits more.\n");
  });

  it("Ctrl-C during a wait stops it: exit 130 and how to resume", async () => {
    vi.useFakeTimers();
    const io = fakeRuntime();
    const status = statusCall({ offer_id: OFFER_ID, procurement_status: "provisioning_started", instances: [] });
    const exit = run(cdesk("status", OFFER_ID, "--wait"), io.runtime, fakeClient({ status }).makeClient);
    await vi.advanceTimersByTimeAsync(1_000);
    io.interrupt();
    expect(await exit).toBe(130);
    expect(io.stderr()).toContain("✖ stopped waiting\nerror: Interrupted.\n");
  });
});

describe("Ctrl-C outside a wait", () => {
  it("cancels a procure in flight and says it may have gone through, naming the offer: exit 130", async () => {
    const io = fakeRuntime({ "key.pub": "ssh-ed25519 AAAA me@laptop\n" });
    const hung = statusCall(undefined);
    let sent!: () => void;
    const procureSent = new Promise<void>((resolve) => (sent = resolve));
    const procure = (...args: Parameters<typeof hung>) => (sent(), hung(...args));
    const exit = run(cdesk("procure", OFFER_ID, "--ssh-key", "key.pub"), io.runtime, fakeClient({ procure }).makeClient);
    await procureSent;
    io.interrupt();
    expect(await exit).toBe(130);
    expect(io.stderr()).toBe(
      `error: Interrupted.\nhint: The procurement may have gone through: check with \`cdesk status ${OFFER_ID}\` before procuring again.\n`,
    );
  });

  it("is left alone by commands that send nothing", async () => {
    const io = fakeRuntime();
    const listening = vi.spyOn(io.runtime, "onInterrupt");
    await run(cdesk("completion", "--help"), io.runtime, fakeClient().makeClient);
    await run(cdesk("auth", "logout"), io.runtime, fakeClient().makeClient).catch(() => undefined);
    expect(listening).not.toHaveBeenCalled();
  });
});

describe("answers that cannot be shown", () => {
  it("never print ✔ before the failure: one error line, exit 1", async () => {
    const io = fakeRuntime();
    const status = statusCall({ offer_id: OFFER_ID, procurement_status: "ready", instances: { 0: "not a list" } });
    expect(await run(cdesk("status", OFFER_ID, "--wait"), io.runtime, fakeClient({ status }).makeClient)).toBe(1);
    expect(io.stderr()).not.toContain("✔");
    expect(io.stderr()).toMatch(/✖ wait ended\nerror: internal error: TypeError: .*\nhint: /);
    expect(io.stdout()).toBe("");
  });
});
