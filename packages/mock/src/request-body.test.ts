import { expect, test } from "vitest";
import { decideBody } from "./request-body.js";
import { compileRouteTemplate } from "./route-template.js";
import type { OperationModel } from "./spec-model.js";

const operation = (...requestMediaTypes: string[]): OperationModel => ({
  method: "POST",
  route: compileRouteTemplate("/get_offers"),
  requestMediaTypes,
  exampleNames: new Map(),
});
const body = (text: string) => () => Promise.resolve(text);
const unread = () => Promise.reject(new Error("the body should not be read"));

test("a YAML body for a YAML operation goes on as JSON", async () => {
  expect(await decideBody("POST", operation("application/yaml"), "application/yaml", body("compute: {gpu_type: H100}"))).toEqual({
    kind: "json",
    json: '{"compute":{"gpu_type":"H100"}}',
  });
});

test("malformed YAML is a 400 naming the error", async () => {
  expect(await decideBody("POST", operation("application/yaml"), "application/yaml", body("a: [1"))).toMatchObject({
    kind: "problem",
    status: 400,
    title: "Malformed YAML body",
    detail: expect.stringContaining("line 1"),
  });
});

test("a media type the operation does not declare is a 415, without reading the body", async () => {
  expect(await decideBody("POST", operation("application/yaml"), "application/json; charset=utf-8", unread)).toEqual({
    kind: "problem",
    status: 415,
    title: "Unsupported Media Type",
    detail: "POST /get_offers accepts application/yaml, not application/json",
  });
});

test("declared JSON, no content type, or no declared body: untouched", async () => {
  expect(await decideBody("POST", operation("application/json"), "application/json", unread)).toEqual({ kind: "as-is" });
  expect(await decideBody("POST", operation("application/yaml"), undefined, unread)).toEqual({ kind: "as-is" });
  expect(await decideBody("GET", operation(), "text/plain", unread)).toEqual({ kind: "as-is" });
});
