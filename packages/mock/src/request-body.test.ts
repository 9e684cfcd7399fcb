import { expect, test } from "vitest";
import { decideBody, type BodyRequest } from "./request-body.js";
import { compileRouteTemplate } from "./route-template.js";
import type { OperationModel } from "./spec-model.js";

const operation = (...requestMediaTypes: string[]): OperationModel => ({
  method: "POST",
  route: compileRouteTemplate("/get_offers"),
  requestMediaTypes,
  exampleNames: new Map(),
  parameters: [],
  secured: true,
});
const request = (contentType: string | undefined, text: string, authorized = true): BodyRequest => ({ method: "POST", contentType, authorized, text });

test("a YAML body for a YAML operation goes on as JSON", () => {
  expect(decideBody(operation("application/yaml"), request("application/yaml", "compute: {gpu_type: H100}"))).toEqual({
    kind: "forward",
    body: '{"compute":{"gpu_type":"H100"}}',
    contentType: "application/json",
  });
});

test("malformed YAML is a 422 yaml_invalid naming the parser's error and offset", () => {
  expect(decideBody(operation("application/yaml"), request("application/yaml", "a: [1"))).toEqual({
    kind: "reject",
    detail: [{ type: "yaml_invalid", loc: ["body", 5], msg: "YAML parse error", input: {}, ctx: { error: expect.stringContaining("line 1") } }],
  });
});

test("an alias bomb is malformed YAML (4xx), not a server error", () => {
  const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcde".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcd"[i]}`).join(",")}]`)].join("\n");
  expect(decideBody(operation("application/yaml"), request("application/yaml", bomb))).toMatchObject({
    kind: "reject",
    detail: [{ type: "yaml_invalid", loc: ["body"], ctx: { error: "Excessive alias count indicates a resource exhaustion attack" } }],
  });
});

test("invalid JSON is FastAPI's json_invalid at the offset, even without a token", () => {
  const expected = { kind: "reject", detail: [{ type: "json_invalid", loc: ["body", 1], msg: "JSON decode error", input: {}, ctx: { error: expect.any(String) } }] };
  expect(decideBody(operation("application/json"), request("application/json", "{bad"))).toEqual(expected);
  expect(decideBody(operation("application/json"), request("application/problem+json", "{bad", false))).toEqual(expected);
  // FastAPI reads a body without a content type as JSON.
  expect(decideBody(operation("application/json"), request(undefined, "{bad"))).toEqual(expected);
});

test("a media type the operation does not declare is a 422 naming what it accepts", () => {
  expect(decideBody(operation("application/yaml"), request("application/json; charset=utf-8", "{}"))).toEqual({
    kind: "reject",
    detail: [{ type: "unsupported_media_type", loc: ["header", "content-type"], msg: "POST /get_offers accepts application/yaml, not application/json", input: {} }],
  });
  expect(decideBody(operation("application/json"), request("text/plain", "offer"))).toMatchObject({ kind: "reject" });
});

test("without a token, a body that parses goes to Prism as it came (Prism answers 401)", () => {
  expect(decideBody(operation("application/yaml"), request("text/plain", "a: [", false))).toEqual({ kind: "forward", body: "a: [", contentType: "text/plain" });
});

test("declared JSON goes on untouched; without a content type it is declared as JSON, as FastAPI reads it", () => {
  expect(decideBody(operation("application/json"), request("application/json", '{"a":1}'))).toEqual({ kind: "forward", body: '{"a":1}', contentType: "application/json" });
  expect(decideBody(operation("application/json"), request(undefined, '{"a":1}'))).toEqual({ kind: "forward", body: '{"a":1}', contentType: "application/json" });
});
