/**
 * A 2xx body reaches user code only in the shape its type promises: anything else is an
 * `UnexpectedResponseError` naming where the body breaks the spec, never a `TypeError` later.
 */
import { describe, expect, it, vi } from "vitest";
import { CdeskError, UnexpectedResponseError, type CdeskClient } from "./index.js";
import { BODIES, fakeClient, json, OFFER_ID, RESOURCE_ID } from "../test/support/fake-api.js";

type Call = (c: CdeskClient) => Promise<unknown>;
const status: Call = (c) => c.offers.status(OFFER_ID);
const PROCURE = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA user@example" };

const BROKEN: [string, Response, Call, string, string][] = [
  ["a status without instances", json({ procurement_status: "ready" }), status, "/instances", "a required field"],
  ["instances that are not a list", json({ procurement_status: "ready", instances: {} }), status, "/instances", "array"],
  ["a procurement_status that is a number", json({ procurement_status: 3, instances: [] }), status, "/procurement_status", "string"],
  ["null where an object is due", json(null), status, "", "object"],
  ["a 204 where an object is due", new Response(null, { status: 204 }), status, "", "object"],
  ["an array where an object is due", json([]), (c) => c.offers.get(OFFER_ID), "", "object"],
  ["an offer in a search without its id", json({ offers: [{ ...BODIES["GET /offers/{offer_id}"], offer_id: undefined }] }), (c) => c.offers.search({}), "/offers/0/offer_id", "a required field"],
  ["a resource list that is a string", json("none"), (c) => c.resources.list(), "", "array"],
  ["a wrapped resource list holding a broken resource", json({ resources: [{ resource_id: RESOURCE_ID }] }), (c) => c.resources.list(), "/0/resource_type", "a required field"],
  ["a GPU family whose variants are not a list", json({ H100: "nvidia-h100" }), (c) => c.catalog.gpus(), "/H100", "array"],
  ["a delete answer without its message", json({ resource_id: RESOURCE_ID, status: "deleting" }), (c) => c.resources.delete(RESOURCE_ID), "/message", "a required field"],
];

describe("a body that breaks its type throws UnexpectedResponseError", () => {
  it.each(BROKEN)("%s", async (_, answer, call, pointer, expected) => {
    vi.useFakeTimers();
    const { client, fetch } = fakeClient([json({}, 503), answer, answer]);
    const settled = call(client).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const error = await settled;
    vi.useRealTimers();
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toBeInstanceOf(CdeskError);
    expect(error).toMatchObject({ pointer, expected, status: answer.status });
    // Not retried: the 503 was, the odd answer was final.
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("names the operation, the place and the request id, with a short excerpt of the body", async () => {
    const { client } = fakeClient([json({ procurement_status: "ready", instances: "x".repeat(5000) }, 200, { "x-request-id": "req-7" })]);
    const error = (await client.offers.status(OFFER_ID).catch((e: unknown) => e)) as UnexpectedResponseError;
    expect(error).toMatchObject({ method: "GET", path: "/offers/{offer_id}/status", requestId: "req-7", outcomeUnknown: false });
    expect(error.message).toBe("GET /offers/{offer_id}/status answered 200 with the body at /instances: expected array (request id req-7)");
    expect(error.body!.startsWith('{"procurement_status":"ready","instances":"xxx')).toBe(true);
    expect(error.body!.length).toBeLessThanOrEqual(200);
  });

  it("on a procure says the purchase may have happened", async () => {
    const { client } = fakeClient([json({ status: "procured" })]);
    const error = await client.offers.procure(PROCURE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ outcomeUnknown: true, pointer: "/offer_id" });
    expect((error as Error).message).toContain("check offers.status before procuring again");
  });

  it("through raw as well", async () => {
    const { client } = fakeClient([json({ procurement_status: "ready" })]);
    const call = client.raw.GET("/offers/{offer_id}/status", { params: { path: { offer_id: OFFER_ID } } });
    await expect(call).rejects.toBeInstanceOf(UnexpectedResponseError);
  });
});

describe("what the types allow always passes", () => {
  it("unknown extra fields, unknown values of open sets, null where nullable", async () => {
    const body = { procurement_status: "warming_up", instances: [{ status: null, gpu_temp: 41 }], resource_ids: null, shiny: true };
    const { client } = fakeClient([json(body)]);
    await expect(client.offers.status(OFFER_ID)).resolves.toEqual(body);
  });

  it("a whole number sent as 2.0 where an integer is promised", async () => {
    const { client } = fakeClient([new Response(`{"offers":[${JSON.stringify({ ...BODIES["GET /offers/{offer_id}"], gpu_count: 2.0 })}]}`, { headers: { "content-type": "application/json" } })]);
    await expect(client.offers.search({})).resolves.toMatchObject({ offers: [{ gpu_count: 2 }] });
  });

  it.each([
    ["a list of names", ["nebius", "scaleway"]],
    ["an object", { nebius: { regions: ["EU"] } }],
  ])("a catalog listing as %s", async (_, body) => {
    const { client } = fakeClient([json(body)]);
    await expect(client.catalog.vendors()).resolves.toEqual(body);
  });
});

describe("GET /resources: a bare list or a list wrapped in an object, always returned as the list", () => {
  const resource = BODIES["GET /resources/{resource_id}"];
  it.each([
    ["a bare array", [resource]],
    ["{ resources, total_count }", { resources: [resource], total_count: 1 }],
    ["{ items }", { items: [resource] }],
    ["{ data }", { data: [resource] }],
  ])("%s", async (_, body) => {
    const { client } = fakeClient([json(body)]);
    await expect(client.resources.list()).resolves.toEqual([resource]);
  });

  it("an object without a list is still refused", async () => {
    const { client } = fakeClient([json({ total_count: 0 })]);
    await expect(client.resources.list()).rejects.toMatchObject({ name: "UnexpectedResponseError", pointer: "", expected: "array" });
  });
});

describe('validateResponses: "off"', () => {
  it("returns the body unchecked", async () => {
    const { client } = fakeClient([json({ procurement_status: "ready" })], { validateResponses: "off" });
    await expect(client.offers.status(OFFER_ID)).resolves.toEqual({ procurement_status: "ready" });
  });

  it("is the only other value", () => {
    expect(() => fakeClient([], { validateResponses: "strict" as "off" })).toThrow(/validateResponses must be "shape" or "off"/);
  });
});
