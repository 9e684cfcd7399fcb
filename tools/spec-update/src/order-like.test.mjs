import { expect, it } from "vitest";
import { orderLike } from "./order-like.mjs";

it("orders keys like the reference, new keys last, lists in their own order", () => {
  const value = { paths: { b: 1, a: 2, new: 3 }, openapi: "3.1.0", required: ["z", "a"], list: [{ y: 1, x: 2 }] };
  const reference = { openapi: "3.0.0", paths: { a: 0, b: 0, gone: 0 }, required: ["a", "z"], list: [{ x: 0, y: 0 }] };
  const ordered = orderLike(value, reference);
  expect(JSON.stringify(ordered)).toBe(
    '{"openapi":"3.1.0","paths":{"a":2,"b":1,"new":3},"required":["z","a"],"list":[{"x":2,"y":1}]}',
  );
});

it("keeps the value's order where the reference has nothing to say", () => {
  expect(JSON.stringify(orderLike({ b: { d: 1, c: 2 }, a: 1 }, "not an object"))).toBe('{"b":{"d":1,"c":2},"a":1}');
});
