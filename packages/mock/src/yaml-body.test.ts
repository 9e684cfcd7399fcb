import { expect, test } from "vitest";
import { isYamlMediaType, mediaTypeEssence, yamlBodyToJson } from "./yaml-body.js";

test("a YAML query becomes the equivalent JSON", () => {
  expect(yamlBodyToJson("region: EU\ncompute:\n  gpu_type: H100 | A100\n  gpu_count: 2\n")).toEqual({
    ok: true,
    json: '{"region":"EU","compute":{"gpu_type":"H100 | A100","gpu_count":2}}',
  });
});

test("well-formed YAML that breaks the schema is still converted (Prism judges it)", () => {
  expect(yamlBodyToJson("- a\n- b\n")).toEqual({ ok: true, json: '["a","b"]' });
  expect(yamlBodyToJson("")).toEqual({ ok: true, json: "null" });
});

test("malformed YAML is an error with the parser's position", () => {
  const result = yamlBodyToJson("compute: {gpu_type: H100\n");
  expect(result.ok).toBe(false);
  expect(!result.ok && result.error).toMatch(/at line 2, column 1/);
});

test("duplicate keys and several documents are errors, not silently merged", () => {
  expect(yamlBodyToJson("a: 1\na: 2\n")).toMatchObject({ ok: false, error: expect.stringContaining("Map keys must be unique") });
  expect(yamlBodyToJson("a: 1\n---\nb: 2\n")).toMatchObject({ ok: false, error: expect.stringContaining("multiple documents") });
});

test("media types are compared without parameters or case", () => {
  expect(mediaTypeEssence("Application/YAML; charset=utf-8")).toBe("application/yaml");
  expect(mediaTypeEssence(undefined)).toBeUndefined();
  expect(mediaTypeEssence(" ")).toBeUndefined();
  expect(isYamlMediaType("application/yaml")).toBe(true);
  expect(isYamlMediaType("text/yaml")).toBe(true);
  expect(isYamlMediaType("application/json")).toBe(false);
});

test("a document without a JSON form (a self-referencing alias) is an error, not a crash", () => {
  expect(yamlBodyToJson("a: &a [*a]\n")).toMatchObject({ ok: false, error: expect.stringContaining("circular") });
});
