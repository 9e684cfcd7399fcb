import { describe, expect, test } from "vitest";
import { toPrismDocument } from "./prism-spec.js";

const offerQuery = { $ref: "#/components/schemas/OfferQuery" };

test("a YAML request body is declared as JSON with the same schema; the input is not changed", () => {
  const document = {
    paths: { "/get_offers": { post: { requestBody: { content: { "application/yaml": { schema: offerQuery } } } } } },
  };
  const prism = toPrismDocument(document);
  expect(prism).toEqual({
    paths: { "/get_offers": { post: { requestBody: { content: { "application/json": { schema: offerQuery } } } } } },
  });
  expect(Object.keys(document.paths["/get_offers"].post.requestBody.content)).toEqual(["application/yaml"]);
});

test("shared request bodies are rewritten where they live", () => {
  const document = {
    paths: { "/a": { post: { requestBody: { $ref: "#/components/requestBodies/Q" } } } },
    components: { requestBodies: { Q: { content: { "text/yaml": { schema: offerQuery } } } } },
  };
  expect(toPrismDocument(document)).toMatchObject({
    components: { requestBodies: { Q: { content: { "application/json": { schema: offerQuery } } } } },
  });
});

test("JSON bodies and responses are left alone; an existing JSON declaration wins", () => {
  const responses = { "200": { content: { "application/yaml": { schema: {} } } } };
  const document = {
    paths: {
      "/p": {
        post: {
          requestBody: { content: { "application/json": { schema: { type: "object" } }, "application/yaml": { schema: offerQuery } } },
          responses,
        },
      },
    },
  };
  expect(toPrismDocument(document)).toEqual({
    paths: { "/p": { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } }, responses } } },
  });
});

describe("422 examples", () => {
  const aboutOfferId = { detail: [{ loc: ["path", "offer_id"], msg: "Input should be a valid UUID", type: "uuid_parsing" }] };
  const shared = { $ref: "#/components/responses/ValidationFailed" };
  const document = {
    paths: {
      "/offers/{offer_id}": { get: { parameters: [{ $ref: "#/components/parameters/OfferId" }], responses: { "422": shared } } },
      "/resources/{resource_id}": {
        get: { parameters: [{ name: "resource_id", in: "path", schema: { type: "string", format: "uuid" } }], responses: { "422": shared } },
      },
      "/procure_offer": { post: { requestBody: { content: { "application/json": {} } }, responses: { "422": shared } } },
      "/available_gpus": { get: { responses: { "422": shared } } },
    },
    components: {
      parameters: { OfferId: { name: "offer_id", in: "path", schema: { type: "string", format: "uuid" } } },
      responses: { ValidationFailed: { description: "Validation Error", content: { "application/json": { examples: { invalid: { value: aboutOfferId } } } } } },
    },
  };
  const prism = toPrismDocument(document) as any;
  const examplesOf = (path: string, method: string) => prism.paths[path][method].responses["422"].content["application/json"].examples;

  test("an operation that has the example's input keeps the shared response", () => {
    expect(prism.paths["/offers/{offer_id}"].get.responses["422"]).toEqual(shared);
  });

  test("the others get one about their own first input", () => {
    expect(examplesOf("/resources/{resource_id}", "get").fitting.value.detail).toEqual([
      expect.objectContaining({ type: "uuid_parsing", loc: ["path", "resource_id"], input: "x" }),
    ]);
    expect(examplesOf("/procure_offer", "post").fitting.value).toEqual({ detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }] });
    expect(examplesOf("/available_gpus", "get").fitting.value).toEqual({ detail: [] });
    expect(prism.paths["/available_gpus"].get.responses["422"].description).toBe("Validation Error");
  });
});
