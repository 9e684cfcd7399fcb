import { expect, test } from "vitest";
import { findOperation, readOperations, resolveLocalRef } from "./spec-model.js";

const document = {
  openapi: "3.1.0",
  paths: {
    "/things/{id}": {
      get: { responses: { "200": { $ref: "#/components/responses/Thing" }, "404": { description: "none" } } },
      delete: { responses: {} },
    },
    "/things/special": { get: { responses: {} } },
    "/things": { post: { requestBody: { $ref: "#/components/requestBodies/NewThing" }, responses: {} } },
  },
  components: {
    responses: {
      Thing: { content: { "application/json": { examples: { small: { value: 1 }, big: { $ref: "#/components/examples/Big" } } } } },
    },
    requestBodies: { NewThing: { content: { "application/yaml": { schema: {} } } } },
    examples: { Big: { value: 2 } },
  },
};

test("reads methods, request media types and example names, following $refs", () => {
  const operations = readOperations(document);
  const getThing = operations.find((o) => o.method === "GET" && o.route.template === "/things/{id}");
  expect(getThing?.exampleNames.get("200")).toEqual(["small", "big"]);
  expect(getThing?.exampleNames.get("404")).toEqual([]);
  expect(operations.find((o) => o.method === "POST")?.requestMediaTypes).toEqual(["application/yaml"]);
});

test("finds the operation of a request, literal paths before templates", () => {
  const operations = readOperations(document);
  expect(findOperation(operations, "get", "/things/special")?.params).toEqual({});
  expect(findOperation(operations, "GET", "/things/42")).toMatchObject({ params: { id: "42" } });
  expect(findOperation(operations, "DELETE", "/things/42")?.operation.method).toBe("DELETE");
  expect(findOperation(operations, "PUT", "/things/42")).toBeUndefined();
});

test("refuses references it cannot serve", () => {
  expect(() => resolveLocalRef(document, { $ref: "other.yaml#/x" })).toThrow('Only local $refs are supported, got "other.yaml#/x"');
  expect(() => resolveLocalRef(document, { $ref: "#/components/nothing" })).toThrow('Unresolvable $ref "#/components/nothing"');
  const loop = { a: { $ref: "#/b" }, b: { $ref: "#/a" } };
  expect(() => resolveLocalRef(loop, { $ref: "#/a" })).toThrow("Circular $ref");
  expect(() => readOperations({})).toThrow("The spec has no `paths` object");
});
