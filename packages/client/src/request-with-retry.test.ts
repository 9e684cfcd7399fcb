import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  CdeskAbortError,
  CdeskConnectionError,
  CdeskTimeoutError,
  InternalServerError,
  RateLimitError,
} from "./index.js";
import { BODIES, fakeClient, hang, json, networkError, OFFER_ID, valid } from "../test/support/fake-api.js";

const PROCURE = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA user@example" };
const OK = valid;
const GPUS = BODIES["GET /available_gpus"];

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-29T10:00:00Z"));
  vi.spyOn(Math, "random").mockReturnValue(0); // no jitter: waits are exactly 500, 1000, 2000 ms
});
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0); // every test leaves no timer behind
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Starts a call and lets its outcome be inspected without an unhandled rejection. */
function start<T>(promise: Promise<T>) {
  const settled = promise.then(
    (value) => ({ value, error: undefined }),
    (error: unknown) => ({ value: undefined, error }),
  );
  return { settled };
}

describe("retries", () => {
  it("retries a 503 after 0.5 s and resolves with the next answer", async () => {
    const { client, fetch } = fakeClient([json({}, 503), OK]);
    const call = start(client.catalog.gpus());
    await vi.advanceTimersByTimeAsync(499);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.settled).value).toEqual(GPUS);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("gives up after maxRetries with the last answer's error, backing off 0.5 s then 1 s", async () => {
    const { client, fetch } = fakeClient([json({ detail: "down" }, 502)]);
    const call = start(client.offers.get(OFFER_ID));
    await vi.advanceTimersByTimeAsync(1499);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1);
    const { error } = await call.settled;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 502, outcomeUnknown: false });
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it.each([408, 429, 500, 504])("retries %i", async (status) => {
    const { client, fetch } = fakeClient([json({}, status), OK]);
    const call = start(client.catalog.regions());
    await vi.runAllTimersAsync();
    expect((await call.settled).value).toEqual(BODIES["GET /available_regions"]);
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("retries network errors", async () => {
    const { client, fetch } = fakeClient([networkError("ECONNRESET"), networkError("ECONNREFUSED"), OK]);
    const call = start(client.catalog.contracts());
    await vi.runAllTimersAsync();
    expect((await call.settled).value).toEqual(BODIES["GET /available_contracts"]);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("reports the last network error as CdeskConnectionError with its cause", async () => {
    const failure = networkError("ECONNRESET");
    const { client } = fakeClient([failure], { maxRetries: 1 });
    const call = start(client.catalog.storage());
    await vi.runAllTimersAsync();
    const { error } = await call.settled;
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect(error).toMatchObject({ cause: failure, outcomeUnknown: false, method: "GET", path: "/available_storage" });
    expect((error as Error).message).toBe("GET /available_storage failed: fetch failed (ECONNRESET)");
  });

  it("re-sends the same YAML body when a search is retried", async () => {
    const { client, requests } = fakeClient([json({}, 503), json({ offers: [] })]);
    const call = start(client.offers.search({ region: "EU" }));
    await vi.runAllTimersAsync();
    expect((await call.settled).value).toEqual({ offers: [] });
    expect(requests.map((r) => r.body)).toEqual(['{"region": "EU"}\n', '{"region": "EU"}\n']);
  });

  it("never copies a request body: a retry has openapi-fetch build the request again", async () => {
    const clone = vi.spyOn(Request.prototype, "clone");
    const { client, requests } = fakeClient([json({}, 429), valid]);
    const call = start(client.offers.procure(PROCURE));
    await vi.runAllTimersAsync();
    expect((await call.settled).value).toEqual(BODIES["POST /procure_offer"]);
    expect(requests[1]!.body).toBe(requests[0]!.body);
    expect(JSON.parse(requests[0]!.body)).toEqual(PROCURE);
    expect(clone).not.toHaveBeenCalled();
  });

  it("does not retry a 4xx", async () => {
    const { client, fetch } = fakeClient([json({ detail: "Offer not found" }, 404)]);
    await expect(client.offers.get(OFFER_ID)).rejects.toMatchObject({ status: 404 });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("honours maxRetries per call and per client", async () => {
    const { client, fetch } = fakeClient([json({}, 503)], { maxRetries: 0 });
    await expect(client.catalog.gpus()).rejects.toBeInstanceOf(InternalServerError);
    expect(fetch).toHaveBeenCalledTimes(1);
    const call = start(client.catalog.gpus({ maxRetries: 1 }));
    await vi.runAllTimersAsync();
    await call.settled;
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});

describe("Retry-After", () => {
  it.each([
    ["the seconds it gives instead of the back-off", 429, "3", 3000],
    ["until the HTTP date it gives", 503, "Sun, 29 Nov 2026 10:00:07 GMT", 7000],
  ])("waits %s", async (_, status, retryAfter, waitMs) => {
    const { client, fetch } = fakeClient([json({}, status, { "retry-after": retryAfter }), OK]);
    const call = start(client.catalog.gpus());
    await vi.advanceTimersByTimeAsync(waitMs - 1);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await call.settled).value).toEqual(GPUS);
  });

  it("waits at most 60 s", async () => {
    const { client, fetch } = fakeClient([json({}, 429, { "retry-after": "86400" }), OK]);
    const call = start(client.catalog.gpus());
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetch).toHaveBeenCalledTimes(2);
    expect((await call.settled).value).toEqual(GPUS);
  });

  it("is exposed as RateLimitError.retryAfterMs when retries run out", async () => {
    const { client } = fakeClient([json({ detail: "slow down" }, 429, { "retry-after": "120" })], { maxRetries: 0 });
    const error = await client.catalog.gpus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ retryAfterMs: 120_000, headers: { "retry-after": "120" } });
  });
});

describe("procure is not retried when the server may have acted", () => {
  it.each([500, 502, 503, 504, 408])("a %i is final", async (status) => {
    const { client, fetch } = fakeClient([json({ detail: "boom" }, status)]);
    const error = await client.offers.procure(PROCURE).catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error).toMatchObject({ status, outcomeUnknown: status >= 500 });
    if (status >= 500) expect((error as Error).message).toContain("check offers.status");
  });

  it("a reset connection is final, with the outcome unknown", async () => {
    const { client, fetch } = fakeClient([networkError("ECONNRESET")]);
    const error = await client.offers.procure(PROCURE).catch((e: unknown) => e);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect(error).toMatchObject({ outcomeUnknown: true });
    expect((error as Error).message).toMatch(/may have been processed: check offers.status/);
  });

  it("a timeout is final, with the outcome unknown", async () => {
    const { client, fetch } = fakeClient([hang], { timeoutMs: 5000 });
    const call = start(client.offers.procure(PROCURE));
    await vi.advanceTimersByTimeAsync(5000);
    const { error } = await call.settled;
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(CdeskTimeoutError);
    expect(error).toMatchObject({ outcomeUnknown: true, timeoutMs: 5000 });
    expect((error as Error).message).toContain("check offers.status");
  });

  it("a 429 and a refused connection are retried", async () => {
    const { client, fetch } = fakeClient([json({}, 429), networkError("ECONNREFUSED"), valid]);
    const call = start(client.offers.procure(PROCURE));
    await vi.runAllTimersAsync();
    expect((await call.settled).value).toEqual(BODIES["POST /procure_offer"]);
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it("a refusal on every attempt says nothing was sent", async () => {
    const { client } = fakeClient([networkError("ECONNREFUSED")]);
    const call = start(client.offers.procure(PROCURE));
    await vi.runAllTimersAsync();
    expect((await call.settled).error).toMatchObject({ outcomeUnknown: false });
  });
});

describe("timeouts", () => {
  it("gives each attempt its own timeout, then throws CdeskTimeoutError", async () => {
    const { client, fetch } = fakeClient([hang], { timeoutMs: 1000, maxRetries: 1 });
    const call = start(client.offers.status(OFFER_ID));
    await vi.advanceTimersByTimeAsync(1000); // first attempt times out, back-off 500 ms starts
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500);
    expect(fetch).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(1000);
    const { error } = await call.settled;
    expect(error).toBeInstanceOf(CdeskTimeoutError);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect((error as Error).message).toBe("GET /offers/{offer_id}/status failed: no answer within 1000 ms");
  });

  it("aborts the timed-out attempt's fetch", async () => {
    const signals: AbortSignal[] = [];
    const { client } = fakeClient([(request, signal) => (signals.push(signal), hang(request, signal))], { maxRetries: 0 });
    const call = start(client.catalog.gpus({ timeoutMs: 250 }));
    await vi.advanceTimersByTimeAsync(250);
    await call.settled;
    expect(signals[0]!.aborted).toBe(true);
    expect(signals[0]!.reason).toBeInstanceOf(CdeskTimeoutError);
  });

  it("times out a fetch that ignores its signal", async () => {
    const { client } = fakeClient([() => new Promise<Response>(() => {})], { maxRetries: 0, timeoutMs: 100 });
    const call = start(client.catalog.gpus());
    await vi.advanceTimersByTimeAsync(100);
    expect((await call.settled).error).toBeInstanceOf(CdeskTimeoutError);
  });

  it("covers a body that stops arriving after the headers", async () => {
    const stalling = (_: Request, signal: AbortSignal) =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"offers": ['));
            signal.addEventListener("abort", () => controller.error(signal.reason));
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    const { client, fetch } = fakeClient([stalling], { timeoutMs: 2000, maxRetries: 1 });
    const call = start(client.offers.search({ region: "EU" }));
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetch).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(500 + 2000); // back-off, then the retry stalls too
    expect((await call.settled).error).toBeInstanceOf(CdeskTimeoutError);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("abort", () => {
  it("before the request: nothing is sent, cause is the signal's reason", async () => {
    const { client, fetch } = fakeClient([OK]);
    const reason = new Error("user left the page");
    const error = await client.catalog.gpus({ signal: AbortSignal.abort(reason) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskAbortError);
    expect(error).toMatchObject({ name: "AbortError", cause: reason });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("during the request: rejects at once and aborts the fetch", async () => {
    const signals: AbortSignal[] = [];
    const { client } = fakeClient([(request, signal) => (signals.push(signal), hang(request, signal))]);
    const controller = new AbortController();
    const call = start(client.offers.get(OFFER_ID, { signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort("stop");
    const { error } = await call.settled;
    expect(error).toBeInstanceOf(CdeskAbortError);
    expect(error).toMatchObject({ cause: "stop" });
    expect(signals[0]!.aborted).toBe(true);
  });

  it("during the back-off wait: rejects at once, no further attempt", async () => {
    const { client, fetch } = fakeClient([json({}, 503), OK]);
    const controller = new AbortController();
    const call = start(client.catalog.gpus({ signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(100);
    controller.abort();
    const { error } = await call.settled;
    expect(error).toBeInstanceOf(CdeskAbortError);
    expect((error as Error).cause).toBe(controller.signal.reason);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("works for raw calls too", async () => {
    const { client } = fakeClient([hang]);
    const controller = new AbortController();
    const call = start(client.raw.GET("/available_gpus", { signal: controller.signal }));
    controller.abort();
    expect((await call.settled).error).toBeInstanceOf(CdeskAbortError);
  });
});
