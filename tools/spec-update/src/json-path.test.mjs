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

  it.each(["$.paths.*", "$..schemas", "$.tags[0]", "$.paths[?(@.get)]", "paths.x", "$.a b"])(
    "refuses %s with the position of the unsupported syntax",
    (target) => {
      expect(() => parseTarget(target)).toThrow(/unsupported JSONPath syntax|must be a JSONPath string/);
    },
  );
});

describe("formatTarget", () => {
  it("round-trips through parseTarget", () => {
    const names = ["paths", "/resources/{resource_id}", "delete", "responses", "409", "it's"];
    expect(formatTarget(names)).toBe("$.paths['/resources/{resource_id}'].delete.responses['409']['it\\'s']");
    expect(parseTarget(formatTarget(names))).toEqual(names);
  });
});
