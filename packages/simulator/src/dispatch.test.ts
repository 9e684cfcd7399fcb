import { describe, expect, test } from "vitest";
import { call, H100_EU, searchOffers } from "../test/wire.js";
import { createSimulator } from "./index.js";

const sim = createSimulator({ clock: "manual" });

describe("errors, answered as FastAPI does", () => {
  test("a missing or empty token is 401 Not authenticated with WWW-Authenticate: Bearer", async () => {
    for (const authorization of ["", "Bearer ", "Bearer"]) {
      const reply = await call(sim, "GET", "/available_gpus", { headers: { authorization } });
      expect(reply).toMatchObject({ status: 401, body: { detail: "Not authenticated" } });
      expect(reply.headers.get("www-authenticate")).toBe("Bearer");
    }
    expect((await call(sim, "GET", "/available_gpus", { headers: { authorization: "Basic abc" } })).body).toEqual({
      detail: "Invalid authentication credentials",
    });
  });

  test("with a token option, only that token passes", async () => {
    const strict = createSimulator({ token: "s3cret" });
    expect((await call(strict, "GET", "/available_gpus")).status).toBe(401);
    expect((await call(strict, "GET", "/available_gpus", { headers: { authorization: "Bearer s3cret" } })).status).toBe(200);
  });

  test("invalid input is 422 with pydantic's detail items", async () => {
    const reply = await searchOffers(sim, "compute:\n  gpu_count: zero\n  max_price_per_gpu_hour: -1\nvendor: 7\n");
    expect(reply.status).toBe(422);
    expect(reply.body.detail).toEqual([
      { type: "string_type", loc: ["body", "vendor"], msg: "Input should be a valid string" },
      { type: "missing", loc: ["body", "compute", "gpu_type"], msg: "Field required" },
      { type: "int_parsing", loc: ["body", "compute", "gpu_count"], msg: "Input should be a valid integer, unable to parse string as an integer" },
      { type: "greater_than", loc: ["body", "compute", "max_price_per_gpu_hour"], msg: "Input should be greater than 0", ctx: { gt: 0 } },
    ]);
    const query = await call(sim, "GET", "/resources/00000000-0000-4000-8000-000000000000?force_refresh=maybe");
    expect(query.body.detail).toEqual([{ type: "bool_parsing", loc: ["query", "force_refresh"], msg: "Input should be a valid boolean, unable to interpret input" }]);
  });

  test("YAML is read as YAML 1.1, like PyYAML's safe_load: `region: NO` is the boolean false", async () => {
    const reply = await searchOffers(sim, "region: NO\ncompute:\n  gpu_type: H100\n");
    expect(reply.body.detail).toEqual([{ type: "string_type", loc: ["body", "region"], msg: "Input should be a valid string" }]);
  });

  test("invalid JSON is 422 json_invalid at its position", async () => {
    const reply = await call(sim, "POST", "/procure_offer", { body: '{"offer_id": ', headers: { "content-type": "application/json" } });
    expect(reply.status).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({ type: "json_invalid", loc: ["body", 13], msg: "JSON decode error" });
  });

  test("malformed YAML and an alias bomb are 422, never 500", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(", ")}]`)].join("\n");
    for (const yaml of [bomb, "compute: [unclosed", "a: b\n---\nc: d\n", "\t- tab"]) {
      const reply = await searchOffers(sim, yaml);
      expect(reply.status).toBe(422);
      expect(reply.body.detail[0].loc).toEqual(["body"]);
    }
  });

  test("a trailing slash is a 307 to the route without it, as Starlette answers; fetch follows it", async () => {
    const manual = await sim.fetch(`${sim.url}/available_gpus/?x=1`, { headers: { authorization: "Bearer t" }, redirect: "manual" });
    expect(manual.status).toBe(307);
    expect(manual.headers.get("location")).toBe("/available_gpus?x=1");
    expect((await call(sim, "GET", "/available_regions/")).status).toBe(200);
    expect((await call(sim, "GET", "/nothing/")).status).toBe(404);
  });

  test("an unknown route is 404 Not Found; a wrong method 405 with Allow", async () => {
    expect(await call(sim, "GET", "/nope")).toMatchObject({ status: 404, body: { detail: "Not Found" } });
    const wrong = await call(sim, "PUT", "/resources/00000000-0000-4000-8000-000000000000");
    expect(wrong).toMatchObject({ status: 405, body: { detail: "Method Not Allowed" } });
    expect(wrong.headers.get("allow")).toBe("GET, DELETE");
  });
});

describe("headers", () => {
  test("every answer, errors too, carries x-request-id and CORS headers", async () => {
    const answers = [await searchOffers(sim, H100_EU), await call(sim, "GET", "/nope"), await call(sim, "GET", "/available_gpus", { headers: { authorization: "" } })];
    for (const reply of answers) {
      expect(reply.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      expect(reply.headers.get("access-control-allow-origin")).toBe("*");
      expect(reply.headers.get("access-control-expose-headers")).toContain("x-request-id");
    }
    const own = await call(sim, "GET", "/available_gpus", { headers: { "x-request-id": "mine-1" } });
    expect(own.headers.get("x-request-id")).toBe("mine-1");
  });

  test("a preflight is answered with the methods and the headers asked for", async () => {
    const reply = await call(sim, "OPTIONS", "/get_offers", {
      headers: { origin: "http://localhost:5173", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(reply.headers.get("access-control-allow-headers")).toBe("authorization, content-type");
    expect(reply.headers.get("access-control-allow-methods")).toContain("POST");
  });
});
