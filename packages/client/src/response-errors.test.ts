import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BadRequestError,
  CdeskApiError,
  CdeskConnectionError,
  CdeskError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from "./index.js";
import { fakeClient, json, OFFER_ID, text } from "../test/support/fake-api.js";

const BY_STATUS: [number, typeof CdeskApiError][] = [
  [400, BadRequestError],
  [401, AuthenticationError],
  [403, PermissionDeniedError],
  [404, NotFoundError],
  [409, ConflictError],
  [410, OfferExpiredError],
  [422, UnprocessableEntityError],
  [429, RateLimitError],
  [500, InternalServerError],
  [503, InternalServerError],
  [418, CdeskApiError],
];

describe("an error status becomes its typed error", () => {
  it.each(BY_STATUS)("%i -> %o", async (status, ErrorClass) => {
    const { client } = fakeClient([json({ detail: "Nope" }, status, { "x-request-id": "req-42" })], { maxRetries: 0 });
    const error = await client.offers.get(OFFER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(CdeskError);
    expect(error).toMatchObject({
      name: ErrorClass.name,
      status,
      requestId: "req-42",
      method: "GET",
      path: "/offers/{offer_id}",
      body: { detail: "Nope" },
      headers: { "content-type": "application/json", "x-request-id": "req-42" },
    });
    expect((error as Error).message).toBe(`GET /offers/{offer_id} failed with ${status}: Nope (request id req-42)`);
  });

  it("a 422 lists the invalid fields in its message and detail", async () => {
    const detail = [{ loc: ["body", "compute", "gpu_count"], msg: "Input should be greater than 0", type: "greater_than" }];
    const { client } = fakeClient([json({ detail }, 422)]);
    const error = await client.offers.search({ region: "EU" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).detail).toEqual(detail);
    expect((error as Error).message).toBe("POST /get_offers failed with 422: compute.gpu_count: Input should be greater than 0");
  });

  it("an HTML error page becomes a short one-line excerpt", async () => {
    const page = `<html>\n<head><title>502 Bad Gateway</title></head>\n<body>${"x".repeat(5000)}</body></html>`;
    const { client } = fakeClient([text(page, 502)], { maxRetries: 0 });
    const error = await client.catalog.gpus().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    const body = (error as InternalServerError).body as string;
    expect(body.startsWith("<html> <head><title>502 Bad Gateway</title>")).toBe(true);
    expect(body.length).toBe(500);
    expect((error as Error).message).not.toContain("\n");
  });

  it("an error with an empty body still has its status", async () => {
    const { client } = fakeClient([new Response(null, { status: 404 })]);
    const error = await client.offers.get(OFFER_ID).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 404, body: undefined });
    expect((error as Error).message).toBe("GET /offers/{offer_id} failed with 404");
  });
});

describe("a malformed success never surfaces as a SyntaxError", () => {
  const MALFORMED: [string, Response, RegExp][] = [
    ["truncated JSON", new Response('{"offers": [{"offer_id": "3f6c', { headers: { "content-type": "application/json" } }), /not valid JSON/],
    ["an HTML page with 200", text("<html><body>Sign in to the Wi-Fi</body></html>", 200), /expected a JSON body, got content type text\/html/],
    ["no content type", new Response('{"a":1}', { headers: {} }), /got content type/],
    ["an empty body with content-length 0", new Response("", { headers: { "content-type": "application/json", "content-length": "0" } }), /JSON body is empty/],
    ["an empty body", new Response("", { headers: { "content-type": "application/json" } }), /JSON body is empty/],
  ];

  it.each(MALFORMED)("%s", async (_, response, message) => {
    const { client } = fakeClient([response]);
    const error = await client.catalog.vendors().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskConnectionError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/^GET \/available_vendors failed: malformed response/);
  });

  it("through raw as well", async () => {
    const { client } = fakeClient([new Response("{", { headers: { "content-type": "application/json" } })]);
    await expect(client.raw.GET("/available_gpus")).rejects.toBeInstanceOf(CdeskConnectionError);
  });

  it("for a procure, says the outcome is unknown", async () => {
    const { client } = fakeClient([text("<html>ok</html>", 200)]);
    const error = await client.offers
      .procure({ offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA" })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ outcomeUnknown: true });
  });

  it("accepts JSON with a charset and +json types", async () => {
    const { client } = fakeClient([
      new Response('{"a":["x"]}', { headers: { "content-type": "application/json; charset=utf-8" } }),
      new Response('{"b":["y"]}', { headers: { "content-type": "application/problem+json" } }),
    ]);
    await expect(client.catalog.gpus()).resolves.toEqual({ a: ["x"] });
    await expect(client.catalog.gpus()).resolves.toEqual({ b: ["y"] });
  });
});
