/**
 * The response boundary: a 2xx body is checked against the shape its type promises before user code
 * sees it. Only what the types guarantee is checked (JSON types, required fields, array items, map
 * values), so a server that adds fields or new values of an open set always passes.
 */
/** A JSON type as `typeof` names it, plus `array` and `null`. */
export type JsonType = "string" | "number" | "boolean" | "object" | "array" | "null";

/** One node of the generated response rules (`Operation.response`). */
export interface ShapeRule {
  /** The JSON type, or the types one of which it must have; absent: anything. */
  type?: JsonType | readonly JsonType[];
  nullable?: boolean;
  /** Required fields and their rules. */
  required?: Record<string, ShapeRule>;
  /** Rule of every array item. */
  items?: ShapeRule;
  /** Rule of every value of a map (`additionalProperties`). */
  values?: ShapeRule;
}

/** Where a body first breaks its rule: a JSON pointer and what was expected there. */
export interface ShapeMismatch {
  pointer: string;
  expected: string;
}

/** The first place `value` breaks `rule`, or undefined. Depth is bounded by the rule's. */
export function findMismatch(value: unknown, rule: ShapeRule, pointer = ""): ShapeMismatch | undefined {
  const { type } = rule;
  if (type === undefined || (value === null && rule.nullable)) return undefined;
  const actual = jsonTypeOf(value);
  if (typeof type === "string" ? actual !== type : !type.includes(actual)) {
    return { pointer, expected: `${typeof type === "string" ? type : type.join(" or ")}${rule.nullable ? " or null" : ""}` };
  }
  if (actual === "array") {
    const items = rule.items;
    if (!items) return undefined;
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const found = findMismatch(list[i], items, `${pointer}/${i}`);
      if (found) return found;
    }
  } else if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key in rule.required) {
      const field = object[key];
      const at = `${pointer}/${escape(key)}`;
      if (field === undefined) return { pointer: at, expected: "a required field" };
      const found = findMismatch(field, rule.required[key]!, at);
      if (found) return found;
    }
    if (rule.values) {
      for (const key in object) {
        const found = findMismatch(object[key], rule.values, `${pointer}/${escape(key)}`);
        if (found) return found;
      }
    }
  }
  return undefined;
}

export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

/** RFC 6901: `~` and `/` inside a key. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
