import { afterEach, describe, expect, test } from "vitest";
import { formatViolation, startMockServer, type MockServer, type Violation } from "../../src/index.js";
import { call, OFFER_ID } from "../support/api.js";
import { specExample } from "../support/spec-examples.js";
import { startUpstream } from "../support/upstream.js";

/** What a conforming API answers: the spec's own `ready` example. */
const READY_STATUS = specExample("GET", "/offers/{offer_id}/status", "ready");

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.splice(0).map((close) => close()));
});

async function proxyTo(reply: Parameters<typeof startUpstream>[0]) {
  const upstream = await startUpstream(reply);
  cleanup.push(upstream.close);
  const reported: Violation[] = [];
  const mock: MockServer = await startMockServer({ proxy: upstream.url, onViolation: (violation) => reported.push(violation) });
  cleanup.push(() => mock.close());
  return { upstream, mock, reported };
}

describe("proxy mode", () => {
  test("a conforming upstream's answer passes through, with no violation", async () => {
    const { mock, upstream, reported } = await proxyTo(() => ({ body: READY_STATUS }));
    const { status, body } = await call(mock.url, `/offers/${OFFER_ID}/status`);
    expect(status).toBe(200);
    expect(body).toEqual(READY_STATUS);
    expect(upstream.received[0]).toMatchObject({ method: "GET", url: `/offers/${OFFER_ID}/status` });
    expect(upstream.received[0]?.headers.authorization).toBe("Bearer contract-test-token");
    expect(reported).toEqual([]);
    expect(mock.violations).toEqual([]);
  });

  test("a YAML query reaches the upstream as the YAML that was sent", async () => {
    const { mock, upstream } = await proxyTo(() => ({ body: { offers: [], total_count: 0, filters_applied: {} } }));
    const yaml = "compute:\n  gpu_type: H100 | A100\n";
    const { status } = await call(mock.url, "/get_offers", { method: "POST", headers: { "content-type": "application/yaml" }, body: yaml });
    expect(status).toBe(200);
    expect(upstream.received[0]?.headers["content-type"]).toBe("application/yaml");
    expect(upstream.received[0]?.body).toBe(yaml);
  });

  test("a violating upstream answer becomes a 500 and each violation is reported readably", async () => {
    const { mock, reported } = await proxyTo(() => ({ body: { offer_id: OFFER_ID, procurement_status: 42 } }));
    const { status, body } = await call(mock.url, `/offers/${OFFER_ID}/status`);
    expect(status).toBe(500);
    expect(body.title).toBe("Request/Response not valid");
    expect(reported.map(formatViolation)).toEqual(
      expect.arrayContaining([
        `GET /offers/${OFFER_ID}/status -> 500: response.body Response body must have required property 'instances'`,
        `GET /offers/${OFFER_ID}/status -> 500: response.body.procurement_status Response body property procurement_status must be string`,
      ]),
    );
    expect(mock.violations).toEqual(reported);
  });

  test("an undocumented error status from the upstream is reported", async () => {
    const { mock, reported } = await proxyTo(() => ({ status: 418, body: { detail: "teapot" } }));
    const { status } = await call(mock.url, "/available_gpus");
    expect(status).toBe(418);
    expect(reported).toEqual([
      expect.objectContaining({ status: 418, location: ["response"], severity: "Warning", message: expect.stringContaining("Unable to match the returned status code") }),
    ]);
  });

  test("a request without a token is refused before it reaches the upstream", async () => {
    const { mock, upstream } = await proxyTo(() => ({ body: READY_STATUS }));
    const response = await fetch(`${mock.url}/offers/${OFFER_ID}/status`);
    expect(response.status).toBe(401);
    expect(upstream.received).toEqual([]);
  });
});
