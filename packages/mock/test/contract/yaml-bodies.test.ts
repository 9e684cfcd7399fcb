import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { AUTH, call, OFFER_ID } from "../support/api.js";

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
    const other = await getOffers("compute: { gpu_type: A100 }\n", "text/yaml");
    expect(other.status).toBe(422);
    expect(other.body.detail).toEqual([
      { type: "unsupported_media_type", loc: ["header", "content-type"], msg: "POST /get_offers accepts application/yaml, not text/yaml", input: {} },
    ]);
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

  test("malformed YAML gets 422 yaml_invalid, FastAPI's json_invalid for YAML, naming the parse error", async () => {
    const { status, headers, body } = await getOffers("region: [EU\ncompute: {gpu_type: H100}\n");
    expect(status).toBe(422);
    expect(headers.get("content-type")).toBe("application/json");
    expect(body.detail).toEqual([{ type: "yaml_invalid", loc: ["body", expect.any(Number)], msg: "YAML parse error", input: {}, ctx: { error: expect.stringMatching(/at line \d+, column \d+/) } }]);
    expect(mock.violations.at(-1)).toMatchObject({ method: "POST", path: "/get_offers", status: 422, code: "yaml_invalid" });
  });

  test("duplicate keys are malformed YAML, not a silent overwrite", async () => {
    const { status, body } = await getOffers("region: EU\nregion: US\n");
    expect(status).toBe(422);
    expect(body.detail[0].ctx.error).toContain("Map keys must be unique");
  });

  test("an alias bomb is a 422 the client does not retry, not a 500", async () => {
    const levels = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdef".split("").map((key, i) => `${key}: &${key} [${Array(9).fill(`*${"abcde"[i]}`).join(",")}]`)];
    const { status, body } = await getOffers(`${levels.join("\n")}\n`);
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ type: "yaml_invalid", ctx: { error: "Excessive alias count indicates a resource exhaustion attack" } });
  });

  test("a JSON object where the API wants YAML gets 422 naming the media type", async () => {
    const { status, body } = await getOffers(JSON.stringify({ compute: { gpu_type: "H100" } }), "application/json");
    expect(status).toBe(422);
    expect(body.detail[0].msg).toBe("POST /get_offers accepts application/yaml, not application/json");
  });

  test("malformed YAML without a token gets 401: the service checks the token before it reads the YAML", async () => {
    const response = await fetch(`${mock.url}/get_offers`, { method: "POST", headers: { "content-type": "application/yaml" }, body: "a: [" });
    expect(response.status).toBe(401);
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

  test("a text body gets 422 naming the media type", async () => {
    const { status, body } = await call(mock.url, "/procure_offer", { method: "POST", headers: { "content-type": "text/plain" }, body: "offer" });
    expect(status).toBe(422);
    expect(body.detail[0].msg).toBe("POST /procure_offer accepts application/json, not text/plain");
  });

  test("invalid JSON gets FastAPI's json_invalid, located at the offset", async () => {
    const { status, body } = await call(mock.url, "/procure_offer", { method: "POST", headers: { "content-type": "application/json" }, body: '{"offer_id": ' });
    expect(status).toBe(422);
    expect(body.detail).toEqual([{ type: "json_invalid", loc: ["body", 13], msg: "JSON decode error", input: {}, ctx: { error: expect.any(String) } }]);
  });

  test("no body gets FastAPI's missing body error", async () => {
    const { status, body } = await call(mock.url, "/procure_offer", { method: "POST" });
    expect(status).toBe(422);
    expect(body.detail).toEqual([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
  });

  test("a 422 asked for with Prefer keeps the spec's example", async () => {
    const { status, body } = await call(mock.url, `/offers/${OFFER_ID}`, { headers: { prefer: "code=422" } });
    expect(status).toBe(422);
    expect(body.detail[0]).toMatchObject({ loc: ["path", "offer_id"], type: "uuid_parsing" });
  });
});
