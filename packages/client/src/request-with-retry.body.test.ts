/**
 * A body that cannot be read (connection reset mid-body) or is not the JSON promised (truncated,
 * HTML, empty) fails its attempt like a network error: retried within `maxRetries` with the same
 * back-off, except for `POST /procure_offer`, which the server may already have carried out.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CdeskConnectionError } from "./index.js";
import { BODIES, brokenBody, fakeClient, json, OFFER_ID, RESOURCE_ID, text, truncatedJson, valid } from "../test/support/fake-api.js";

const PROCURE = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA user@example" };

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(Math, "random").mockReturnValue(0); // no jitter: waits are exactly 500, 1000 ms
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
  vi.restoreAllMocks();
});

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = promise.then((value) => ({ value }), (error: unknown) => ({ error }));
  await vi.runAllTimersAsync();
  return settled;
}

describe("idempotent requests retry a body that fails", () => {
  it("a GET whose body breaks off mid-way, after the usual 0.5 s back-off", async () => {
    const { client, fetch } = fakeClient([brokenBody, valid]);
    const call = client.offers.get(OFFER_ID).then((value) => ({ value }), (error: unknown) => ({ error }));
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(await call).toEqual({ value: BODIES["GET /offers/{offer_id}"] });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("a search whose JSON is truncated, re-sending the same query", async () => {
    const { client, requests } = fakeClient([truncatedJson, json({ offers: [] })]);
    expect(await settle(client.offers.search({ region: "EU" }))).toEqual({ value: { offers: [] } });
    expect(requests.map((r) => r.body)).toEqual(['{"region": "EU"}\n', '{"region": "EU"}\n']);
  });

  it("a DELETE whose answer is cut", async () => {
    const { client, fetch } = fakeClient([brokenBody, valid]);
    expect(await settle(client.resources.delete(RESOURCE_ID))).toMatchObject({ value: { status: "deleting" } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("a 200 HTML page or an empty 200, through raw too", async () => {
    const { client, fetch } = fakeClient([text("<html>502</html>", 200), text("", 200, "application/json"), json({ H100: [] })]);
    expect(await settle(client.raw.GET("/available_gpus"))).toMatchObject({ value: { data: { H100: [] } } });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("gives up after maxRetries with a connection error naming the read failure", async () => {
    const { client, fetch } = fakeClient([brokenBody]);
    const { error } = await settle(client.offers.status(OFFER_ID));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect(error).toMatchObject({ method: "GET", path: "/offers/{offer_id}/status", outcomeUnknown: false });
    expect((error as Error).message).toBe("GET /offers/{offer_id}/status failed: reading the response failed: terminated");
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });

  it("gives up on JSON that stays truncated with a malformed-response error", async () => {
    const { client, fetch } = fakeClient([truncatedJson], { maxRetries: 1 });
    const { error } = await settle(client.catalog.gpus());
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect((error as Error).message).toMatch(/^GET \/available_gpus failed: malformed response: the body is not valid JSON \(/);
    expect((error as Error).cause).toBeInstanceOf(SyntaxError);
  });
});

describe("procure is never retried after a body failure", () => {
  it.each([
    ["broken off", brokenBody, /reading the response failed: terminated/],
    ["truncated", truncatedJson, /malformed response: the body is not valid JSON/],
  ])("a %s body: one request, the outcome unknown", async (_, answer, message) => {
    const { client, fetch } = fakeClient([answer, json({ status: "procured" })]);
    const { error } = await settle(client.offers.procure(PROCURE));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain("check offers.status");
  });
});
