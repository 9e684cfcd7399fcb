import { expect, test } from "vitest";
import { TextResponse } from "./text-response.js";

const make = () => new TextResponse('{"a":1}', { status: 201, headers: { "content-type": "application/json" } });

test("it is a Response: status, headers, and a body read once", async () => {
  const response = make();
  expect(response).toBeInstanceOf(Response);
  expect([response.status, response.ok, response.headers.get("content-type")]).toEqual([201, true, "application/json"]);
  expect(response.bodyUsed).toBe(false);
  expect(await response.json()).toEqual({ a: 1 });
  expect(response.bodyUsed).toBe(true);
  await expect(response.text()).rejects.toThrow(TypeError);
  expect(() => response.clone()).toThrow(TypeError);
});

test("body, blob(), bytes() and clone() give the same text", async () => {
  expect(await new Response(make().body).text()).toBe('{"a":1}');
  expect(await (await make().blob()).text()).toBe('{"a":1}');
  expect(new TextDecoder().decode(await make().bytes())).toBe('{"a":1}');
  const original = make();
  const copy = original.clone();
  expect([await original.text(), await copy.text()]).toEqual(['{"a":1}', '{"a":1}']);
  const streamed = make();
  await streamed.body!.cancel();
  expect(streamed.bodyUsed).toBe(true);
});

test("without a body (HEAD), body is null and text() is empty", async () => {
  const response = new TextResponse(null, { status: 405 });
  expect(response.body).toBeNull();
  expect(await response.text()).toBe("");
});
