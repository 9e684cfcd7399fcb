import { describe, expect, it } from "vitest";
import { AuthenticationError, CdeskInputError, createCdeskClient, NotFoundError, type CdeskClient, type FetchLike } from "./index.js";
import { BODIES, fakeClient, json, OFFER_ID, operationOf, RESOURCE_ID, scriptedFetch, TOKEN, valid } from "../test/support/fake-api.js";

const BASE = "https://supply-api.compute-desk.com";
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";

/** Each method, and the request it must produce. */
const OPERATIONS: [string, (c: CdeskClient) => Promise<unknown>, string, string, string?, string?][] = [
  ["catalog.gpus", (c) => c.catalog.gpus(), "GET", "/available_gpus"],
  ["catalog.vendors", (c) => c.catalog.vendors(), "GET", "/available_vendors"],
  ["catalog.regions", (c) => c.catalog.regions(), "GET", "/available_regions"],
  ["catalog.contracts", (c) => c.catalog.contracts(), "GET", "/available_contracts"],
  ["catalog.storage", (c) => c.catalog.storage(), "GET", "/available_storage"],
  [
    "offers.search with a query object",
    (c) => c.offers.search({ region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5 } }),
    "POST",
    "/get_offers",
    '{"region": "EU", "compute": {"gpu_type": "H100", "gpu_count": 1, "max_price_per_gpu_hour": 5}}\n',
    "application/yaml",
  ],
  ["offers.search with YAML text", (c) => c.offers.search("region: EU\n"), "POST", "/get_offers", "region: EU\n", "application/yaml"],
  ["offers.get", (c) => c.offers.get(OFFER_ID), "GET", `/offers/${OFFER_ID}`],
  ["offers.status", (c) => c.offers.status(OFFER_ID), "GET", `/offers/${OFFER_ID}/status`],
  [
    "offers.procure",
    (c) => c.offers.procure({ offer_id: OFFER_ID, ssh_public_key: KEY, cloud_init: "#cloud-config\n" }),
    "POST",
    "/procure_offer",
    JSON.stringify({ offer_id: OFFER_ID, ssh_public_key: KEY, cloud_init: "#cloud-config\n" }),
    "application/json",
  ],
  ["resources.list", (c) => c.resources.list(), "GET", "/resources"],
  ["resources.list by offer", (c) => c.resources.list({ offer_id: OFFER_ID }), "GET", `/resources?offer_id=${OFFER_ID}`],
  ["resources.get", (c) => c.resources.get(RESOURCE_ID), "GET", `/resources/${RESOURCE_ID}`],
  ["resources.get forced", (c) => c.resources.get(RESOURCE_ID, { forceRefresh: true }), "GET", `/resources/${RESOURCE_ID}?force_refresh=true`],
  ["resources.delete", (c) => c.resources.delete(RESOURCE_ID), "DELETE", `/resources/${RESOURCE_ID}`],
  ["resources.delete forced", (c) => c.resources.delete(RESOURCE_ID, { force: true }), "DELETE", `/resources/${RESOURCE_ID}?force=true`],
];

describe("each method sends its operation and resolves to the body", () => {
  it.each(OPERATIONS)("%s", async (_, call, method, path, body = "", contentType) => {
    const answered: Request[] = [];
    const { client, requests } = fakeClient([(request) => (answered.push(request), valid(request))]);
    const value = await call(client);
    expect(value).toEqual(BODIES[operationOf(answered[0]!)]);
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request).toMatchObject({ method, url: `${BASE}${path}`, body });
    expect(request!.headers.get("content-type")).toBe(contentType ?? null);
    expect(request!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});

describe("headers", () => {
  it("sends client headers, then per-call headers over them", async () => {
    const { client, requests } = fakeClient([valid], { headers: { "x-team": "research", "x-env": "ci" } });
    await client.offers.status(OFFER_ID, { headers: { "x-env": "prod", "x-request-id": "mine-1" } });
    const headers = requests[0]!.headers;
    expect([headers.get("x-team"), headers.get("x-env"), headers.get("x-request-id")]).toEqual(["research", "prod", "mine-1"]);
  });

  it("keeps the YAML content type when a search adds its own headers", async () => {
    const { client, requests } = fakeClient([valid]);
    await client.offers.search({}, { headers: { "x-request-id": "q-1" } });
    expect(requests[0]!.headers.get("content-type")).toBe("application/yaml");
  });
});

describe("raw with a baseUrl of its own", () => {
  it("sends there, with the client's auth, when it is an https URL", async () => {
    const { client, requests } = fakeClient([valid]);
    await client.raw.GET("/available_gpus", { baseUrl: "https://other.example" });
    expect(requests[0]!.url).toBe("https://other.example/available_gpus");
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });
});

describe("a custom fetch", () => {
  it("may answer with another copy's Response class (its own undici, say): the answer is read like any other", async () => {
    const text = JSON.stringify(BODIES["GET /available_gpus"]);
    // Not a Response of this realm: only the interface a fetch answer has.
    const foreign = {
      status: 200,
      ok: true,
      type: "basic",
      body: null,
      headers: new Headers({ "content-type": "application/json", "content-length": String(text.length) }),
      json: async () => JSON.parse(text),
      text: async () => text,
    };
    const client = createCdeskClient({ token: TOKEN, fetch: async () => foreign as unknown as Response });
    expect(await client.catalog.gpus()).toEqual(BODIES["GET /available_gpus"]);
  });
});

describe("raw", () => {
  it("is openapi-fetch with the client's auth, resolving to { data, response }", async () => {
    const { client, requests } = fakeClient([json({ H100: ["nvidia-h100-sxm5-80gb"] })]);
    const { data, response, error } = await client.raw.GET("/available_gpus");
    expect(data).toEqual({ H100: ["nvidia-h100-sxm5-80gb"] });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(requests[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
  });

  it("throws the typed errors instead of returning { error }", async () => {
    const { client } = fakeClient([json({ detail: "Offer not found" }, 404)]);
    const call = client.raw.GET("/offers/{offer_id}", { params: { path: { offer_id: OFFER_ID } } });
    await expect(call).rejects.toBeInstanceOf(NotFoundError);
  });

  it("sends a search body as YAML, like the method", async () => {
    const { client, requests } = fakeClient([json({ offers: [] })]);
    await client.raw.POST("/get_offers", { body: { region: "EU" } });
    expect(requests[0]).toMatchObject({ body: '{"region": "EU"}\n' });
    expect(requests[0]!.headers.get("content-type")).toBe("application/yaml");
  });

  it("can remove the Authorization header for one call", async () => {
    const { client, requests } = fakeClient([json({ detail: "Not authenticated" }, 401)]);
    const call = client.raw.GET("/available_gpus", { headers: { Authorization: null } });
    await expect(call).rejects.toBeInstanceOf(AuthenticationError);
    expect(requests[0]!.headers.has("authorization")).toBe(false);
  });

  it("has no openapi-fetch middleware: a fetch wrapper sees every request instead", async () => {
    const { fetch, requests } = scriptedFetch(valid);
    const traced: FetchLike = (url, init) => {
      init.headers.set("x-traced", "yes");
      return fetch(url, init);
    };
    const client = createCdeskClient({ token: TOKEN, fetch: traced });
    await client.catalog.gpus();
    expect(requests[0]!.headers.get("x-traced")).toBe("yes");
    expect("use" in client.raw).toBe(false);
  });

  it.each([
    ["a method fetch forbids", (c: CdeskClient) => c.raw.TRACE("/available_gpus" as never), "method", "method"],
    ["a method that is not a token", (c: CdeskClient) => c.raw.request("GE T" as never, "/available_gpus" as never), "method", "method"],
    ["a GET with a body", (c: CdeskClient) => c.raw.GET("/available_gpus", { body: {} } as never), "body", "no-body"],
    ["an unparsable baseUrl", (c: CdeskClient) => c.raw.GET("/available_gpus", { baseUrl: "https//user:hunter2@x" }), "baseUrl", "range"],
    ["a baseUrl with credentials", (c: CdeskClient) => c.raw.GET("/available_gpus", { baseUrl: "https://user:hunter2@api.example.com" }), "baseUrl", "range"],
  ])("refuses %s before anything is sent, as fetch would", async (_, call, field, rule) => {
    const { client, fetch } = fakeClient([valid]);
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskInputError);
    expect(error).toMatchObject({ field, rule });
    expect(String(error)).not.toContain("hunter2");
    expect(fetch).not.toHaveBeenCalled();
  });

  it("has request() for a method given as a string", async () => {
    const { client, requests } = fakeClient([valid]);
    const { data } = await client.raw.request("delete", "/resources/{resource_id}", {
      params: { path: { resource_id: RESOURCE_ID } },
    });
    expect(data).toEqual(BODIES["DELETE /resources/{resource_id}"]);
    expect(requests[0]!.method).toBe("DELETE");
  });
});
