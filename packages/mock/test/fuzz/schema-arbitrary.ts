import fc from "fast-check";
import { resolve, type Json } from "./spec-document.js";

/** Strings the API treats as plain text: printable, and no line breaks where a pattern forbids them. */
const text = (min = 0, max = 24) => fc.string({ minLength: min, maxLength: max, unit: "grapheme-ascii" });

function stringArbitrary(schema: Json): fc.Arbitrary<string> {
  const min = typeof schema.minLength === "number" ? schema.minLength : 0;
  const max = typeof schema.maxLength === "number" ? Math.min(schema.maxLength, min + 40) : min + 24;
  if (schema.format === "uuid") return fc.uuid();
  if (schema.format === "date-time") return fc.date({ noInvalidDate: true, min: new Date("2000-01-01"), max: new Date("2100-01-01") }).map((d) => d.toISOString());
  if (typeof schema.pattern === "string") {
    const pattern = new RegExp(schema.pattern, "u");
    return fc.stringMatching(pattern).filter((value) => value.length >= min && value.length <= max);
  }
  return text(min, max);
}

function numberArbitrary(schema: Json, integer: boolean): fc.Arbitrary<number> {
  const floor = typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + (integer ? 1 : 0.01) : -1000;
  const ceiling = typeof schema.maximum === "number" ? schema.maximum : floor + 1000;
  return integer ? fc.integer({ min: Math.ceil(floor), max: Math.floor(ceiling) }) : fc.double({ min: floor, max: ceiling, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: Json, depth: number): fc.Arbitrary<Json> {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, property] of Object.entries(properties)) record[name] = valueOf(property, depth + 1);
  // Optional keys are omitted at random; nothing undeclared is added.
  return fc.record(record, { requiredKeys: [...required].filter((name) => name in record) }) as fc.Arbitrary<Json>;
}

/** Values that validate against a JSON Schema (the subset the spec uses), `$ref`s followed. */
export function valueOf(node: unknown, depth = 0): fc.Arbitrary<unknown> {
  const schema = resolve(node);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  if ("const" in schema) return fc.constant(schema.const);
  const branches = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (Array.isArray(branches)) return fc.oneof(...branches.map((branch) => valueOf(branch, depth)));
  switch (schema.type) {
    case "string":
      return stringArbitrary(schema);
    case "integer":
      return numberArbitrary(schema, true);
    case "number":
      return numberArbitrary(schema, false);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(valueOf(schema.items ?? {}, depth + 1), { maxLength: depth > 2 ? 0 : 3 });
    case "object":
      return objectArbitrary(schema, depth);
    default:
      // No type: any JSON value (FastAPI's `Any`).
      return fc.jsonValue({ maxDepth: 2 });
  }
}
