import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startMockServer, type MockServer } from "../../src/index.js";
import { call, OFFER_ID, RESOURCE_ID } from "../support/api.js";

/** What a browser or a client relies on, answered as the FastAPI service answers it. */
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock.close());

const ORIGIN = "http://app.example.test";

describe("CORS", () => {
  test("the mock's own answers carry Prism's CORS headers, so a browser can read a 422", async () => {
    const { status, headers } = await call(mock.url, "/get_offers", {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/yaml" },
      body: "a: [",
    });
    expect(status).toBe(422);
    expect(headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(headers.get("access-control-expose-headers")).toBe("*");
  });

  test("the same headers as Prism's answers", async () => {
    const fromPrism = await call(mock.url, "/available_gpus", { headers: { origin: ORIGIN } });
    const own = await call(mock.url, "/procure_offer", { method: "GET", headers: { origin: ORIGIN } });
    const cors = (headers: Headers) => [...headers].filter(([name]) => name.startsWith("access-control-"));
    expect(own.status).toBe(405);
    expect(cors(own.headers)).toEqual(cors(fromPrism.headers));
  });

  test("a preflight is still answered", async () => {
    const response = await fetch(`${mock.url}/get_offers`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(ORIGIN);
  });
});

describe("routing and auth", () => {
  test("a method the path does not have gets 405 with Allow and FastAPI's body", async () => {
    const procure = await call(mock.url, "/procure_offer", { method: "GET" });
    expect(procure).toMatchObject({ status: 405, body: { detail: "Method Not Allowed" } });
    expect(procure.headers.get("allow")).toBe("POST");
    const resource = await call(mock.url, `/resources/${RESOURCE_ID}`, { method: "PUT" });
    expect(resource.headers.get("allow")).toBe("GET, HEAD, DELETE");
  });

  test("an unknown path gets FastAPI's 404", async () => {
    expect(await call(mock.url, "/offers")).toMatchObject({ status: 404, body: { detail: "Not Found" } });
  });

  test("an encoded slash in an id is a path no route matches, as Starlette decodes before routing", async () => {
    expect(await call(mock.url, `/resources/${RESOURCE_ID}%2Fx`)).toMatchObject({ status: 404, body: { detail: "Not Found" } });
  });

  test("401 says which scheme to use", async () => {
    const response = await fetch(`${mock.url}/available_gpus`, { headers: { authorization: "Basic dXNlcjpwdw==" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe("Bearer");
  });
});

describe("parameters", () => {
  test("an empty offer_id is not a missing one: 422 uuid_parsing", async () => {
    const { status, body } = await call(mock.url, "/resources?offer_id=");
    expect(status).toBe(422);
    expect(body.detail).toEqual([expect.objectContaining({ type: "uuid_parsing", loc: ["query", "offer_id"], input: "" })]);
    expect(mock.violations.at(-1)).toMatchObject({ path: "/resources?offer_id=", status: 422, code: "uuid_parsing" });
  });

  test("an empty force is 422 bool_parsing, together with Prism's own findings", async () => {
    const { status, body } = await call(mock.url, "/resources/not-a-uuid?force=", { method: "DELETE" });
    expect(status).toBe(422);
    expect(body.detail.map((item: { type: string }) => item.type)).toEqual(["bool_parsing", "format"]);
  });

  test("the token is checked first", async () => {
    expect((await fetch(`${mock.url}/resources?offer_id=`)).status).toBe(401);
  });
});

describe("Prefer: code=NNN for every status the spec declares", () => {
  test.each(["429", "500", "502", "503", "504"])("%s, with Retry-After", async (code) => {
    const { status, headers, body } = await call(mock.url, `/offers/${OFFER_ID}/status`, { headers: { prefer: `code=${code}` } });
    expect(status).toBe(Number(code));
    expect(headers.get("retry-after")).toBe("1");
    expect(body).toEqual({ detail: expect.any(String) });
  });

  test("a 422 example is about an input the operation has", async () => {
    const byId = await call(mock.url, `/offers/${OFFER_ID}`, { headers: { prefer: "code=422" } });
    expect(byId.body.detail[0].loc).toEqual(["path", "offer_id"]);
    const resource = await call(mock.url, `/resources/${RESOURCE_ID}`, { headers: { prefer: "code=422" } });
    expect(resource.body.detail[0].loc).toEqual(["path", "resource_id"]);
    const list = await call(mock.url, "/resources", { headers: { prefer: "code=422" } });
    expect(list.body.detail[0].loc).toEqual(["query", "offer_id"]);
    const valid = JSON.stringify({ offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA user@host" });
    const procure = await call(mock.url, "/procure_offer", { method: "POST", headers: { prefer: "code=422", "content-type": "application/json" }, body: valid });
    expect(procure.body.detail).toEqual([{ type: "missing", loc: ["body"], msg: "Field required", input: null }]);
    // An operation without inputs has no input to blame.
    expect((await call(mock.url, "/available_gpus", { headers: { prefer: "code=422" } })).body).toEqual({ detail: [] });
  });
});

describe("x-request-id", () => {
  test("every answer has one; the caller's own is echoed", async () => {
    const fresh = await call(mock.url, "/available_gpus");
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await call(mock.url, "/available_gpus", { headers: { "x-request-id": "trace-42" } });
    expect(echoed.headers.get("x-request-id")).toBe("trace-42");
    const own = await call(mock.url, "/procure_offer", { method: "GET", headers: { "x-request-id": "trace-43" } });
    expect(own.headers.get("x-request-id")).toBe("trace-43");
    expect((await fetch(`${mock.url}/available_gpus`)).headers.get("x-request-id")).not.toBeNull();
  });
});

