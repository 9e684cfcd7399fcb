import { defaultPathSerializer } from "openapi-fetch";
import { describe, expect, it } from "vitest";
import { compilePathSerializer } from "./path-serializer.js";

const BASE = "https://api.example.com";
const serialize = compilePathSerializer(BASE, ["/offers/{offer_id}/status", "/a/{x}/b/{y}", "/available_gpus"]);

describe("the compiled path serializer", () => {
  it.each([
    ["a template of the spec", "/offers/{offer_id}/status", { offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11" }],
    ["two parameters", "/a/{x}/b/{y}", { x: 1, y: true }],
    ["values that need encoding", "/a/{x}/b/{y}", { x: "a b/c?d#e%", y: "ü$&" }],
    ["a template without parameters", "/available_gpus", {}],
    ["a missing value (left as it is)", "/a/{x}/b/{y}", { x: "1" }],
    ["a value that is an object or array", "/a/{x}/b/{y}", { x: ["1", "2"], y: { k: "v" } }],
    ["a path outside the spec", "/other/{id}", { id: "7" }],
  ])("gives what openapi-fetch's default gives for %s", (_, path, params) => {
    expect(serialize(`${BASE}${path}`, params)).toBe(defaultPathSerializer(`${BASE}${path}`, params));
  });

  it("encodes each value as a URI component", () => {
    expect(serialize(`${BASE}/a/{x}/b/{y}`, { x: "a b/c", y: 2 })).toBe(`${BASE}/a/a%20b%2Fc/b/2`);
  });
});
