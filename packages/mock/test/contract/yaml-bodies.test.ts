import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { AUTH, call } from "../support/api.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const getOffers = (body: string, contentType = "application/yaml") =>
  call(mock.url, "/get_offers", { method: "POST", headers: { "content-type": contentType }, body });

describe("POST /get_offers with a YAML body", () => {
  test("a valid query gets the spec's example", async () => {
    const { status, body } = await getOffers("region: EU\ncompute:\n  gpu_type: H100\n  gpu_count: 1\n  max_price_per_gpu_hour: 5\n");
    expect(status).toBe(200);
    expect(body.total_count).toBe(2);
    expect(body.offers[0].offer_id).toBe("3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11");
  });

  test("the content type's parameters and other YAML spellings are accepted only if the spec declares them", async () => {
    expect((await getOffers("compute: { gpu_type: A100 }\n", "application/yaml; charset=utf-8")).status).toBe(200);
    expect((await getOffers("compute: { gpu_type: A100 }\n", "text/yaml")).status).toBe(415);
  });

  test("a query that breaks the OfferQuery schema gets 422 with Prism's messages", async () => {
    const { status, body } = await getOffers("region: 5\ncompute:\n  gpu_count: 0\n");
    expect(status).toBe(422);
    expect(body.detail).toEqual(
      expect.arrayContaining([
        { loc: ["body", "compute"], msg: "Request body property compute must have required property 'gpu_type'", type: "required" },
        { loc: ["body", "compute", "gpu_count"], msg: "Request body property compute.gpu_count must be >= 1", type: "minimum" },
        { loc: ["body", "region"], msg: "Request body property region must be string", type: "type" },
      ]),
    );
  });

  test("a YAML document that is not a mapping gets 422 from Prism", async () => {
    const { status, body } = await getOffers("- just\n- a list\n");
    expect(status).toBe(422);
    expect(body.detail).toEqual([{ loc: ["body"], msg: "Request body must be object", type: "type" }]);
  });

  test("malformed YAML gets 400 naming the parse error", async () => {
    const { status, headers, body } = await getOffers("region: [EU\ncompute: {gpu_type: H100}\n");
    expect(status).toBe(400);
    expect(headers.get("content-type")).toBe("application/problem+json");
    expect(body).toMatchObject({ status: 400, title: "Malformed YAML body" });
    expect(body.detail).toMatch(/at line \d+, column \d+/);
  });

  test("duplicate keys are malformed YAML, not a silent overwrite", async () => {
    const { status, body } = await getOffers("region: EU\nregion: US\n");
    expect(status).toBe(400);
    expect(body.detail).toContain("Map keys must be unique");
  });

  test("a JSON body where the API wants YAML gets 415", async () => {
    const { status, body } = await getOffers(JSON.stringify({ compute: { gpu_type: "H100" } }), "application/json");
    expect(status).toBe(415);
    expect(body.detail).toBe("POST /get_offers accepts application/yaml, not application/json");
  });

  test("the token is still required", async () => {
    const response = await fetch(`${mock.url}/get_offers`, { method: "POST", headers: { "content-type": "application/yaml" }, body: "compute: {gpu_type: H100}\n" });
    expect(response.status).toBe(401);
  });
});

describe("JSON bodies pass through to Prism's validation", () => {
  const procure = (body: unknown, contentType = "application/json") =>
    call(mock.url, "/procure_offer", { method: "POST", headers: { ...AUTH, "content-type": contentType }, body: JSON.stringify(body) });

  test("a valid procure request gets the first example", async () => {
    const { status, body } = await procure({ offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11", ssh_public_key: "ssh-ed25519 AAAA user@host" });
    expect(status).toBe(200);
    expect(body.status).toBe("provisioning_in_progress");
  });

  test("a multi-line ssh key gets 422 naming the field", async () => {
    const { status, body } = await procure({ offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11", ssh_public_key: "a\nb" });
    expect(status).toBe(422);
    expect(body.detail[0].loc).toEqual(["body", "ssh_public_key"]);
  });

  test("a form body gets 415", async () => {
    const { status } = await call(mock.url, "/procure_offer", { method: "POST", headers: { "content-type": "text/plain" }, body: "offer" });
    expect(status).toBe(415);
  });

  test("a 422 asked for with Prefer keeps the spec's example", async () => {
    const { status, body } = await call(mock.url, "/available_gpus", { headers: { prefer: "code=422" } });
    expect(status).toBe(422);
    expect(body.detail[0].type).toBe("uuid_parsing");
  });
});
