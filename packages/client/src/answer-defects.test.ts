/**
 * Answers that used to be followed, read without end, or misread: redirects, endless and huge bodies,
 * each runtime's refused connection, a slow procure, a 422 about the whole body.
 */
import { describe, expect, it, vi } from "vitest";
import { CdeskTimeoutError, InternalServerError, UnexpectedResponseError, UnprocessableEntityError } from "./index.js";
import { BODIES, fakeClient, hang, json, OFFER_ID, settle, useFakeTime, valid } from "../test/support/fake-api.js";
import { REFUSED } from "../test/support/runtime-errors.js";

const PROCURE = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA user@example", cloud_init: "#!/bin/sh\nexport SECRET=1" };

useFakeTime();

describe("the API never redirects, so a redirect is not followed", () => {
  it.each([301, 302, 303, 307, 308])("a %i on procure: one request, nothing re-sent, a typed error naming Location", async (status) => {
    const redirect = new Response(null, { status, headers: { location: "https://user:pw@elsewhere.example/take" } });
    const { client, fetch, requests } = fakeClient([redirect, valid]);
    const { error } = await settle(client.offers.procure(PROCURE));
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(requests[0]!.url).toBe("https://supply-api.compute-desk.com/procure_offer");
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ status, location: "https://***@elsewhere.example/take", outcomeUnknown: true });
    expect((error as Error).message).toContain(`answered ${status} with a redirect to https://***@elsewhere.example/take`);
  });

  it("asks fetch not to follow (redirect: manual), so the body and headers stay with the API", async () => {
    const seen: Request[] = [];
    const { client } = fakeClient([(request) => (seen.push(request), valid(request))]);
    await client.offers.procure(PROCURE);
    expect(seen[0]!.redirect).toBe("manual");
  });

  it("a browser's opaque redirect counts too", async () => {
    const opaque = Object.defineProperties(new Response(null, { status: 200 }), { type: { value: "opaqueredirect" }, status: { value: 0 } });
    const { client } = fakeClient([() => opaque]);
    await expect(settle(client.catalog.gpus())).resolves.toMatchObject({ error: { name: "UnexpectedResponseError", expected: "no redirect" } });
  });
});

describe("a body is read up to maxResponseBytes", () => {
  const endless = () =>
    new Response(
      new ReadableStream({
        pull: (controller) => controller.enqueue(new Uint8Array(64 * 1024).fill(32)),
      }),
      { headers: { "content-type": "application/json" } },
    );

  it("a never-ending body stops at the limit with a typed error, not retried", async () => {
    const { client, fetch } = fakeClient([endless], { maxResponseBytes: 1024 * 1024 });
    const { error } = await settle(client.offers.search({}));
    expect(error).toBeInstanceOf(UnexpectedResponseError);
    expect(error).toMatchObject({ expected: "a body of at most 1048576 bytes (maxResponseBytes)" });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("a declared length over the limit is refused before reading", async () => {
    const big = new Response("{}", { headers: { "content-type": "application/json", "content-length": String(32 * 1024 * 1024) } });
    const { client } = fakeClient([big]);
    const { error } = await settle(client.catalog.gpus());
    expect(error).toMatchObject({ name: "UnexpectedResponseError", expected: "a body of at most 16777216 bytes (maxResponseBytes)" });
  });

  it("a body under the limit without a declared length reads as usual", async () => {
    const chunked = new Response(new Blob([JSON.stringify(BODIES["GET /available_gpus"])]).stream(), { headers: { "content-type": "application/json" } });
    const { client } = fakeClient([chunked]);
    await expect(client.catalog.gpus()).resolves.toEqual(BODIES["GET /available_gpus"]);
  });

  it("a 50 MB error page keeps only a short excerpt, read from its first 64 KiB", async () => {
    const page = `<html><title>502</title>${"x".repeat(50 * 1024 * 1024)}</html>`;
    let pulled = 0;
    const body = new ReadableStream({
      pull(controller) {
        if (pulled >= page.length) return controller.close();
        controller.enqueue(new TextEncoder().encode(page.slice(pulled, (pulled += 16 * 1024))));
      },
    });
    const { client } = fakeClient([() => new Response(body, { status: 502, headers: { "content-type": "text/html" } })], { maxRetries: 0 });
    const { error } = await settle(client.catalog.gpus());
    expect(error).toBeInstanceOf(InternalServerError);
    expect(((error as InternalServerError).body as string).length).toBe(500);
    expect(pulled).toBeLessThanOrEqual(96 * 1024);
  });
});

describe("a refused connection is recognised in each runtime's own words", () => {
  it.each(Object.entries(REFUSED))("%s: a procure is retried and never 'outcome unknown'", async (_, refused) => {
    const { client, fetch } = fakeClient([refused, refused, refused]);
    const { error } = await settle(client.offers.procure(PROCURE));
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ name: "CdeskConnectionError", outcomeUnknown: false });
  });
});

describe("procure gets minutes by default", () => {
  it("an answer after 5 minutes is the purchase, not a timeout", async () => {
    const slow = (request: Request) => new Promise<Response>((resolve) => setTimeout(() => resolve(valid(request)), 5 * 60_000));
    const { client } = fakeClient([slow]);
    const { value } = await settle(client.offers.procure(PROCURE));
    expect(value).toEqual(BODIES["POST /procure_offer"]);
  });

  it("gives up after 10 minutes, with the outcome unknown", async () => {
    const { client } = fakeClient([hang]);
    const call = client.offers.procure(PROCURE).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(await call).toMatchObject({ name: "CdeskTimeoutError", timeoutMs: 600_000, outcomeUnknown: true });
  });

  it("other operations keep 60 s", async () => {
    const { client } = fakeClient([hang], { maxRetries: 0 });
    const call = client.offers.status(OFFER_ID).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await call).toBeInstanceOf(CdeskTimeoutError);
  });
});

describe("a 422 about the body as a whole", () => {
  it("reads as its message, without an empty field name", async () => {
    const detail = [{ loc: ["body"], msg: "Value error, expected a mapping", type: "value_error" }];
    const { client } = fakeClient([json({ detail }, 422)]);
    const { error } = await settle(client.offers.search({}));
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as Error).message).toBe("POST /get_offers failed with 422: Value error, expected a mapping");
  });
});
