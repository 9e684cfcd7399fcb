import { describe, expect, it } from "vitest";
import { diffConstraints } from "./diff-constraints.mjs";

/** @param {Record<string, unknown>} before @param {Record<string, unknown>} after @param {"request" | "response"} direction */
function changes(before, after, direction) {
  /** @type {Array<[boolean, string]>} */
  const found = [];
  diffConstraints(before, after, direction, (breaking, change) => found.push([breaking, change]));
  return found;
}

describe("diffConstraints", () => {
  it("calls a request constraint that refuses more values breaking, and one that refuses fewer not", () => {
    expect(changes({ maxLength: 100, minimum: 1 }, { maxLength: 50, minimum: 0, pattern: "^a" }, "request")).toEqual([
      [true, "constraint changed: maxLength 100 → 50 (stricter)"],
      [false, "constraint changed: minimum 1 → 0 (looser)"],
      [true, 'constraint added: pattern "^a" (stricter)'],
    ]);
  });

  it("in a response, only a changed or dropped format is breaking (clients parse by it)", () => {
    expect(changes({ format: "uuid", maxLength: 10 }, { maxLength: 5 }, "response")).toEqual([
      [true, 'constraint removed: format "uuid" (looser)'],
      [false, "constraint changed: maxLength 10 → 5 (stricter)"],
    ]);
    expect(changes({}, { format: "date-time" }, "response")).toEqual([[false, 'constraint added: format "date-time" (stricter)']]);
  });

  it("reports nothing when the constraints are the same", () => {
    expect(changes({ pattern: "^a", minLength: 1 }, { minLength: 1, pattern: "^a" }, "request")).toEqual([]);
  });
});
