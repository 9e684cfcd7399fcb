import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatAttempt } from "./logger.js";
import { fakeClient, hang, json, memoryLogger, networkError, OFFER_ID, TOKEN } from "../test/support/fake-api.js";

describe("one line per attempt", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("logs method, path, status, duration and attempt, at a severity per outcome", async () => {
    const { logger, lines } = memoryLogger();
    const { client } = fakeClient(
      [json({}, 503, { "x-request-id": "r-1" }), networkError(), json({ procurement_status: "ready", instances: [] }, 200, { "x-request-id": "r-3" })],
      { logger, logLevel: "debug" },
    );
    const call = client.offers.status(OFFER_ID);
    await vi.runAllTimersAsync();
    await call;
    expect(lines).toEqual([
      `info [cdesk] GET /offers/${OFFER_ID}/status 503 0ms attempt 1/3 request-id r-1 retrying in 500ms`,
      `info [cdesk] GET /offers/${OFFER_ID}/status network-error 0ms attempt 2/3 retrying in 1000ms`,
      `debug [cdesk] GET /offers/${OFFER_ID}/status 200 0ms attempt 3/3 request-id r-3`,
    ]);
  });

  it("measures the duration of the attempt", async () => {
    const { logger, lines } = memoryLogger();
    const slow = () => new Promise<Response>((resolve) => setTimeout(() => resolve(json({})), 1234));
    const { client } = fakeClient([slow], { logger, logLevel: "debug" });
    const call = client.catalog.gpus();
    await vi.advanceTimersByTimeAsync(1234);
    await call;
    expect(lines).toEqual(["debug [cdesk] GET /available_gpus 200 1234ms attempt 1/3"]);
  });

  it("at the default level (warn) logs only final server, timeout and network failures", async () => {
    const { logger, lines } = memoryLogger();
    const { client } = fakeClient([json({}, 404), json({}, 503), hang], { logger, logLevel: "warn", maxRetries: 1, timeoutMs: 100 });
    await client.offers.get(OFFER_ID).catch(() => {});
    const call = client.catalog.gpus().catch(() => {});
    await vi.runAllTimersAsync();
    await call;
    expect(lines).toEqual(["warn [cdesk] GET /available_gpus timeout 100ms attempt 2/2"]);
  });

  it("logs nothing when off", async () => {
    const { logger, lines } = memoryLogger();
    const { client } = fakeClient([json({}, 500)], { logger, logLevel: "off", maxRetries: 0 });
    await client.catalog.gpus().catch(() => {});
    expect(lines).toEqual([]);
  });

  it("never logs the token, whatever happens", async () => {
    const { logger, lines } = memoryLogger();
    const { client } = fakeClient([json({ detail: `bad token ${TOKEN.slice(0, 4)}` }, 401), networkError(), json({})], {
      logger,
      logLevel: "debug",
      headers: { "x-team": "research" },
    });
    await client.catalog.gpus().catch(() => {});
    const call = client.catalog.gpus();
    await vi.runAllTimersAsync();
    await call;
    expect(lines.length).toBe(3);
    for (const line of lines) {
      expect(line).not.toContain(TOKEN);
      expect(line.toLowerCase()).not.toContain("authorization");
      expect(line).not.toContain("Bearer");
    }
  });
});

describe("formatAttempt", () => {
  it("shows the path without the query string", () => {
    expect(
      formatAttempt({ method: "GET", url: "https://x.example/resources?offer_id=1", outcome: 200, durationMs: 5, attempt: 1, attempts: 1 }),
    ).toBe("[cdesk] GET /resources 200 5ms attempt 1/1");
  });
});
