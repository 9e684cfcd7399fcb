import { expect, test } from "vitest";
import { compileRouteTemplate, decodePath } from "./route-template.js";

test("matches a templated path", () => {
  const route = compileRouteTemplate("/offers/{offer_id}/status");
  expect(route.paramNames).toEqual(["offer_id"]);
  expect(route.match("/offers/3f6c1a2e/status")).toEqual({ offer_id: "3f6c1a2e" });
  expect(route.match(decodePath("/offers/a%20b/status"))).toEqual({ offer_id: "a b" });
});

test("paths are decoded before routing, as Starlette does: an encoded slash splits a parameter", () => {
  expect(decodePath("/resources/a%2Fb")).toBe("/resources/a/b");
  expect(compileRouteTemplate("/resources/{resource_id}").match(decodePath("/resources/a%2Fb"))).toBeUndefined();
  expect(decodePath("/offers/caf%C3%A9%20x")).toBe("/offers/café x");
  expect(decodePath("/offers/%E0%A4%A/bad%zz")).toBe("/offers/%E0%A4%A/bad%zz");
});

test("tolerates a trailing slash, nothing else", () => {
  const route = compileRouteTemplate("/resources/{resource_id}");
  expect(route.match("/resources/x/")).toEqual({ resource_id: "x" });
  expect(route.match("/resources/x/y")).toBeUndefined();
  expect(route.match("/resources/")).toBeUndefined();
});

test("literal paths match literally (regex characters included)", () => {
  const route = compileRouteTemplate("/get_offers");
  expect(route.match("/get_offers")).toEqual({});
  expect(route.match("/get-offers")).toBeUndefined();
  expect(compileRouteTemplate("/a.b").match("/axb")).toBeUndefined();
});
