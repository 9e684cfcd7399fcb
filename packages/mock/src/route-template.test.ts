import { expect, test } from "vitest";
import { compileRouteTemplate } from "./route-template.js";

test("matches a templated path and decodes its parameters", () => {
  const route = compileRouteTemplate("/offers/{offer_id}/status");
  expect(route.paramNames).toEqual(["offer_id"]);
  expect(route.match("/offers/3f6c1a2e/status")).toEqual({ offer_id: "3f6c1a2e" });
  expect(route.match("/offers/a%20b/status")).toEqual({ offer_id: "a b" });
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
