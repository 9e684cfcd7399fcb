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

/**
 * The first place `value` breaks `rule` (its pointer relative to `value`), or undefined. Depth is
 * bounded by the rule's. Pointers are built on the way out, only for a mismatch: the checks run on
 * every answer.
 */
export function findMismatch(value: unknown, rule: ShapeRule): ShapeMismatch | undefined {
  const { type } = rule;
  if (type === undefined || (value === null && rule.nullable)) return undefined;
  const actual = jsonTypeOf(value);
  if (typeof type === "string" ? actual !== type : !type.includes(actual)) {
    return { pointer: "", expected: `${typeof type === "string" ? type : type.join(" or ")}${rule.nullable ? " or null" : ""}` };
  }
  if (actual === "array") {
    const items = rule.items;
    if (!items) return undefined;
    const list = value as unknown[];
    for (let i = 0; i < list.length; i++) {
      const found = findMismatch(list[i], items);
      if (found) return within(`/${i}`, found);
    }
  } else if (actual === "object") {
    const object = value as Record<string, unknown>;
    for (const key in rule.required) {
      const field = object[key];
      if (field === undefined) return { pointer: `/${escape(key)}`, expected: "a required field" };
      const found = findMismatch(field, rule.required[key]!);
      if (found) return within(`/${escape(key)}`, found);
    }
    if (rule.values) {
      for (const key in object) {
        const found = findMismatch(object[key], rule.values);
        if (found) return within(`/${escape(key)}`, found);
      }
    }
  }
  return undefined;
}

/** The JSON type of a value, as `typeof` names it plus `array` and `null` (`undefined`, `bigint`... pass through). */
export function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value as JsonType;
}

function within(step: string, { pointer, expected }: ShapeMismatch): ShapeMismatch {
  return { pointer: step + pointer, expected };
}

/** RFC 6901: `~` and `/` inside a key. */
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
