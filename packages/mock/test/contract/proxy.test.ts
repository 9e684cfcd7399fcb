import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { formatViolation, startMockServer, type MockServer, type Violation } from "../../src/index.js";
import { call, OFFER_ID } from "../support/api.js";
import { specExample } from "../support/spec-examples.js";
import { startUpstream } from "../support/upstream.js";

/** What a conforming API answers: the spec's own `ready` example. */
const READY_STATUS = specExample("GET", "/offers/{offer_id}/status", "ready");
/** An offer id for which the stand-in API answers a status that breaks the spec. */
const BROKEN_OFFER_ID = randomUUID();

/** A stand-in API: conforming for OFFER_ID, violating for BROKEN_OFFER_ID, undocumented 418 for /available_gpus. */
let upstream: Awaited<ReturnType<typeof startUpstream>>;
let proxy: MockServer;
let reported: Violation[] = [];

beforeAll(async () => {
  upstream = await startUpstream(({ url }) => {
    if (url === `/offers/${OFFER_ID}/status`) return { body: READY_STATUS };
    if (url === `/offers/${BROKEN_OFFER_ID}/status`) return { body: { offer_id: BROKEN_OFFER_ID, procurement_status: 42 } };
    if (url === "/get_offers") return { body: { offers: [], total_count: 0, filters_applied: {} } };
    return { status: 418, body: { detail: "teapot" } };
  });
  proxy = await startMockServer({ proxy: upstream.url, onViolation: (violation) => reported.push(violation) });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  reported = [];
  upstream.received.length = 0;
});

describe("proxy mode", () => {
  test("a conforming answer passes through unchanged, with no violation", async () => {
    const { status, body } = await call(proxy.url, `/offers/${OFFER_ID}/status`);
    expect(status).toBe(200);
    expect(body).toEqual(READY_STATUS);
    expect(upstream.received[0]).toMatchObject({ method: "GET", url: `/offers/${OFFER_ID}/status` });
    expect(upstream.received[0]?.headers.authorization).toBe("Bearer contract-test-token");
    expect(reported).toEqual([]);
  });

  test("a YAML query reaches the upstream as the YAML that was sent", async () => {
    const yaml = "compute:\n  gpu_type: H100 | A100\n";
    const { status } = await call(proxy.url, "/get_offers", { method: "POST", headers: { "content-type": "application/yaml" }, body: yaml });
    expect(status).toBe(200);
    expect(upstream.received[0]?.headers["content-type"]).toBe("application/yaml");
    expect(upstream.received[0]?.body).toBe(yaml);
    expect(reported).toEqual([]);
  });

  test("a violating answer becomes a 500 and each violation is reported readably", async () => {
    const { status, body } = await call(proxy.url, `/offers/${BROKEN_OFFER_ID}/status`);
    expect(status).toBe(500);
    expect(body.title).toBe("Request/Response not valid");
    expect(reported.map(formatViolation)).toEqual(
      expect.arrayContaining([
        `GET /offers/${BROKEN_OFFER_ID}/status -> 500: response.body Response body must have required property 'instances'`,
        `GET /offers/${BROKEN_OFFER_ID}/status -> 500: response.body.procurement_status Response body property procurement_status must be string`,
      ]),
    );
    expect(proxy.violations.slice(-reported.length)).toEqual(reported);
  });

  test("an undocumented status code passes through and is reported as a warning", async () => {
    const { status } = await call(proxy.url, "/available_gpus");
    expect(status).toBe(418);
    expect(reported).toEqual([
      expect.objectContaining({ status: 418, location: ["response"], severity: "Warning", message: expect.stringContaining("Unable to match the returned status code") }),
    ]);
  });

  test("a request without a token is refused before it reaches the upstream", async () => {
    const response = await fetch(`${proxy.url}/offers/${OFFER_ID}/status`);
    expect(response.status).toBe(401);
    expect(upstream.received).toEqual([]);
  });
});
