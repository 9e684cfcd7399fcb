import { expect, test } from "vitest";
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
