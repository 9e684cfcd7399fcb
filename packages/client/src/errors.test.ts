import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CdeskError, CdeskInputError, type CdeskClient } from "./index.js";
import { fakeClient, json, networkError, OFFER_ID, text, TOKEN } from "../test/support/fake-api.js";

/** Every kind of failure a call can end in, each with the token configured. */
const FAILURES: [string, Parameters<typeof fakeClient>[0], (c: CdeskClient) => Promise<unknown>][] = [
  ["401", [json({ detail: "Not authenticated" }, 401)], (c) => c.catalog.gpus()],
  ["422", [json({ detail: [{ loc: ["body"], msg: "bad", type: "x" }] }, 422)], (c) => c.offers.search({})],
  ["HTML 502", [text("<h1>Bad gateway</h1>", 502)], (c) => c.catalog.gpus({ maxRetries: 0 })],
  ["network", [networkError("ECONNRESET")], (c) => c.offers.procure({ offer_id: OFFER_ID, ssh_public_key: "k" })],
  ["malformed", [new Response("{", { headers: { "content-type": "application/json" } })], (c) => c.catalog.gpus()],
  ["input", [json({})], (c) => c.offers.get("nope")],
  ["abort", [json({})], (c) => c.catalog.gpus({ signal: AbortSignal.abort() })],
];

describe("the token never appears in an error", () => {
  // The malformed answer is retried with the usual back-off: run it in fake time.
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
  });

  it.each(FAILURES)("%s", async (_, answers, call) => {
    const { client } = fakeClient(answers, { headers: { "x-team": "research" } });
    const settled = call(client).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await settled;
    expect(error).toBeInstanceOf(CdeskError);
    const serialised = JSON.stringify(error);
    expect(serialised).not.toContain(TOKEN);
    expect(String(error)).not.toContain(TOKEN);
    expect((error as Error).stack ?? "").not.toContain(TOKEN);
    expect(JSON.parse(serialised)).toMatchObject({ name: (error as Error).name, message: (error as Error).message });
  });
});

describe("toJSON", () => {
  it("keeps the fields and only the cause's name and message", () => {
    const error = new CdeskInputError("offer_id", "uuid", "must be a UUID");
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "CdeskInputError",
      message: "Invalid offer_id: must be a UUID",
      field: "offer_id",
      rule: "uuid",
    });
  });
});
