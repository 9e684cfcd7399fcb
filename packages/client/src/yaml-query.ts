/**
 * Serialises a typed `get_offers` query as YAML without a YAML library: the output is JSON-shaped
 * flow YAML (`{"compute": {"gpu_count": 1}}`), which YAML 1.2 parsers read as JSON and YAML 1.1
 * parsers (PyYAML's `safe_load`) read the same way once two traps are avoided:
 *
 * - An exponent number needs a dot for YAML 1.1 to see a float (`1e+21` is a string there), so it is
 *   written `1.0e+21`.
 * - Inside double quotes YAML folds U+0085, U+2028 and U+2029 as line breaks and refuses DEL, C1
 *   controls and U+FFFE/U+FFFF, so those are written as `\uXXXX` escapes.
 *
 * Every string (keys too) is double-quoted, so `yes`, `off`, `null`, `~`, `0x1F` or `007` stay strings.
 */
import { assertFinite, assertPlainObject, fail, join } from "./validate.js";

/** The YAML text of a query object, one line, ending with a newline. */
export function toYamlQuery(query: unknown): string {
  return `${emit(query, "", new Set())}\n`;
}

function emit(value: unknown, field: string, ancestors: Set<object>): string {
  switch (typeof value) {
    case "string":
      return quote(value, field);
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return number(value, field);
    case "object":
      if (value === null) return "null";
      if (ancestors.has(value)) fail(field, "circular", "refers to itself");
      ancestors.add(value);
      try {
        return Array.isArray(value) ? sequence(value, field, ancestors) : mapping(value, field, ancestors);
      } finally {
        ancestors.delete(value);
      }
    default:
      return fail(field, "type", `cannot be sent as YAML: ${typeof value}`);
  }
}

function sequence(items: unknown[], field: string, ancestors: Set<object>): string {
  // JSON turns holes and `undefined` items into null; do the same so indexes keep their meaning.
  const emitted = Array.from(items, (item, i) => (item === undefined ? "null" : emit(item, `${field}[${i}]`, ancestors)));
  return `[${emitted.join(", ")}]`;
}

function mapping(object: object, field: string, ancestors: Set<object>): string {
  assertPlainObject(object, field);
  const pairs: string[] = [];
  for (const [key, item] of Object.entries(object)) {
    if (item !== undefined) pairs.push(`${quote(key, join(field, key))}: ${emit(item, join(field, key), ancestors)}`);
  }
  return `{${pairs.join(", ")}}`;
}

function number(value: number, field: string): string {
  assertFinite(value, field);
  if (Object.is(value, -0)) return "-0.0";
  const text = String(value);
  // `1e+21` and `5e-324` have no dot: YAML 1.1 would read them as strings.
  return text.includes("e") && !text.includes(".") ? text.replace("e", ".0e") : text;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const YAML_SPECIAL = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

function quote(text: string, field: string): string {
  if (LONE_SURROGATE.test(text)) fail(field, "unicode", "contains a lone UTF-16 surrogate, which YAML cannot carry");
  return JSON.stringify(text).replace(YAML_SPECIAL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
