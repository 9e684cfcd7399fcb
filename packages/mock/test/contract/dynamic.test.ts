import { afterAll, beforeAll, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { call, OFFER_ID } from "../support/api.js";

/** The properties OfferStatus declares (additional properties would be invented data). */
const OFFER_STATUS_PROPERTIES = ["offer_id", "status", "created_at", "procurement_status", "instances", "resource_ids", "progress", "failure_reason", "procured_at"];

let first: MockServer;
let second: MockServer;
beforeAll(async () => {
  [first, second] = await Promise.all([startMockServer({ dynamic: true, seed: 42 }), startMockServer({ dynamic: true, seed: 42 })]);
});
afterAll(() => Promise.all([first.close(), second.close()]));

const status = (mock: MockServer) => call(mock.url, `/offers/${OFFER_ID}/status`);

test("dynamic responses follow the schema and invent no property", async () => {
  const { status: code, body } = await status(first);
  expect(code).toBe(200);
  expect(OFFER_STATUS_PROPERTIES).toEqual(expect.arrayContaining(Object.keys(body)));
  expect(body).toHaveProperty("procurement_status");
  expect(body).toHaveProperty("instances");
  // A map declared only by additionalProperties gets no invented keys either: it comes back empty.
  expect((await call(first.url, "/available_gpus")).body).toEqual({});
});

test("the same seed gives the same responses, request after request and run after run", async () => {
  const [a, b, c] = await Promise.all([status(first), status(first), status(second)]);
  expect(b.body).toEqual(a.body);
  expect(c.body).toEqual(a.body);
  expect(a.body).not.toEqual((await call(first.url, `/offers/${OFFER_ID}/status`, { headers: { prefer: "example=ready" } })).body);
});
