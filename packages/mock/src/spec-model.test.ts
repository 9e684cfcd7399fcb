import { expect, test } from "vitest";
import { allowedMethods, findOperation, readOperations, resolveLocalRef } from "./spec-model.js";

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

test("reads parameters (path-level ones too) and whether a token is required", () => {
  const operations = readOperations({
    security: [{ HTTPBearer: [] }],
    paths: {
      "/r/{id}": {
        parameters: [{ $ref: "#/components/parameters/Id" }],
        get: { parameters: [{ name: "force", in: "query", schema: { type: "boolean" } }], responses: {} },
        delete: { security: [], responses: {} },
      },
    },
    components: { parameters: { Id: { name: "id", in: "path", schema: { $ref: "#/components/schemas/Uuid" } } }, schemas: { Uuid: { type: "string", format: "uuid" } } },
  });
  const get = operations.find((o) => o.method === "GET");
  expect(get?.parameters).toEqual([
    { name: "id", in: "path", schema: { type: "string", format: "uuid" } },
    { name: "force", in: "query", schema: { type: "boolean" } },
  ]);
  expect(get?.secured).toBe(true);
  expect(operations.find((o) => o.method === "DELETE")?.secured).toBe(false);
  expect(allowedMethods(operations, "/r/1")).toEqual(["GET", "HEAD", "DELETE"]);
  expect(allowedMethods(operations, "/nothing")).toEqual([]);
});
