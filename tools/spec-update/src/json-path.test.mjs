import { describe, expect, it } from "vitest";
import { formatTarget, parseTarget } from "./json-path.mjs";

describe("parseTarget", () => {
  it("reads dot and bracket member selectors", () => {
    expect(parseTarget("$.paths['/offers/{offer_id}'].get.responses['404']")).toEqual([
      "paths",
      "/offers/{offer_id}",
      "get",
      "responses",
      "404",
    ]);
    expect(parseTarget('$.components["schemas"].x-max')).toEqual(["components", "schemas", "x-max"]);
    expect(parseTarget("$")).toEqual([]);
  });

  it("reads escaped quotes inside brackets", () => {
    expect(parseTarget("$['it\\'s']")).toEqual(["it's"]);
  });

  it("reads index selectors as numbers", () => {
    expect(parseTarget("$.components.schemas.A.properties.status.anyOf[0]")).toEqual(["components", "schemas", "A", "properties", "status", "anyOf", 0]);
    expect(parseTarget("$.tags[12].name")).toEqual(["tags", 12, "name"]);
  });

  it.each(["$.paths.*", "$..schemas", "$.tags[-1]", "$.tags[01]", "$.tags[0:2]", "$.paths[?(@.get)]", "paths.x", "$.a b"])(
    "refuses %s with the position of the unsupported syntax",
    (target) => {
      expect(() => parseTarget(target)).toThrow(/unsupported JSONPath syntax|must be a JSONPath string/);
    },
  );
});

describe("formatTarget", () => {
  it("round-trips through parseTarget", () => {
    const names = ["paths", "/resources/{resource_id}", "delete", "responses", "409", "it's", "anyOf", 0];
    expect(formatTarget(names)).toBe("$.paths['/resources/{resource_id}'].delete.responses['409']['it\\'s'].anyOf[0]");
    expect(parseTarget(formatTarget(names))).toEqual(names);
  });
});
