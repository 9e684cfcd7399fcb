import { schemas } from "./generated/operations.js";
import type { JsonSchema } from "./spec-types.js";

/** One item of a FastAPI 422 body. */
export interface ValidationIssue {
  type: string;
  loc: (string | number)[];
  msg: string;
  ctx?: Record<string, unknown>;
}

export type Validated = { ok: true; value: unknown } | { ok: false; issues: ValidationIssue[] };

const UUID = /^(?:urn:uuid:)?\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})\}?$/i;
const TRUE = new Set(["1", "on", "t", "true", "y", "yes"]);
const FALSE = new Set(["0", "off", "f", "false", "n", "no"]);

/**
 * Validates and coerces a value as pydantic v2 does in lax mode (the mode FastAPI uses): numeric
 * strings become numbers, "yes"/"no" booleans, UUIDs are normalised; unknown object keys are
 * ignored; defaults fill missing fields. Issues carry pydantic's `type` and `msg`.
 */
export function validate(schema: JsonSchema, value: unknown, loc: (string | number)[]): Validated {
  const issues: ValidationIssue[] = [];
  const out = check(schema, value, loc, issues);
  return issues.length === 0 ? { ok: true, value: out } : { ok: false, issues };
}

function resolve(schema: JsonSchema): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = schemas[name];
  if (!target) throw new Error(`unknown schema ${schema.$ref}`);
  return resolve(target);
}

function check(raw: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  const schema = resolve(raw);
  if (schema.anyOf) return checkAnyOf(schema.anyOf, value, loc, issues);
  switch (schema.type) {
    case "null":
      if (value !== null) issues.push({ type: "none_required", loc, msg: "Input should be None" });
      return null;
    case "string":
      return checkString(schema, value, loc, issues);
    case "integer":
      return checkInteger(schema, value, loc, issues);
    case "number":
      return checkNumber(schema, value, loc, issues);
    case "boolean":
      return checkBoolean(value, loc, issues);
    case "array":
      return checkArray(schema, value, loc, issues);
    case "object":
      return checkObject(schema, value, loc, issues);
    default:
      return value;
  }
}

// pydantic reports a nullable field's errors as the non-null type's; an open string set
// (known values or any string) as a plain string.
function checkAnyOf(branches: readonly JsonSchema[], value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (value === null && branches.some((b) => resolve(b).type === "null")) return null;
  let firstIssues: ValidationIssue[] | undefined;
  for (const branch of branches) {
    if (resolve(branch).type === "null") continue;
    const own: ValidationIssue[] = [];
    const out = check(branch, value, loc, own);
    if (own.length === 0) return out;
    firstIssues ??= own;
  }
  issues.push(...(firstIssues ?? [{ type: "none_required", loc, msg: "Input should be None" }]));
  return value;
}

function checkString(schema: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (schema.format === "uuid") return checkUuid(value, loc, issues);
  if (typeof value !== "string") {
    issues.push({ type: "string_type", loc, msg: "Input should be a valid string" });
    return value;
  }
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) {
    const unit = schema.minLength === 1 ? "character" : "characters";
    issues.push({ type: "string_too_short", loc, msg: `String should have at least ${schema.minLength} ${unit}`, ctx: { min_length: schema.minLength } });
  }
  const max = Math.min(schema.maxLength ?? Infinity, schema["x-max-utf8-bytes"] ?? Infinity);
  const size = schema["x-max-utf8-bytes"] !== undefined ? new TextEncoder().encode(value).length : length;
  if (Number.isFinite(max) && Math.max(size, length) > max) {
    issues.push({ type: "string_too_long", loc, msg: `String should have at most ${max} characters`, ctx: { max_length: max } });
  }
  if (schema.pattern !== undefined && !new RegExp(schema.pattern, "u").test(value)) {
    issues.push({ type: "string_pattern_mismatch", loc, msg: `String should match pattern '${schema.pattern}'`, ctx: { pattern: schema.pattern } });
  }
  return value;
}

function checkUuid(value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (typeof value !== "string") {
    issues.push({ type: "uuid_type", loc, msg: "UUID input should be a string, bytes or UUID object" });
    return value;
  }
  const m = UUID.exec(value);
  if (!m) {
    issues.push({ type: "uuid_parsing", loc, msg: "Input should be a valid UUID, unable to parse string as a UUID" });
    return value;
  }
  return m.slice(1).join("-").toLowerCase();
}

function toNumber(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string" && value.trim() !== "" && /^[\s+-]*[0-9.eE+-]+\s*$|^\s*[+-]?(inf|infinity|nan)\s*$/i.test(value)) {
    const text = value.trim().toLowerCase();
    if (/^[+-]?(inf|infinity)$/.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
    if (/^[+-]?nan$/.test(text)) return NaN;
    const n = Number(text);
    return Number.isNaN(n) ? undefined : n;
  }
  return undefined;
}

function checkInteger(schema: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  const n = toNumber(value);
  if (n === undefined) {
    const parsing = typeof value === "string";
    issues.push(
      parsing
        ? { type: "int_parsing", loc, msg: "Input should be a valid integer, unable to parse string as an integer" }
        : { type: "int_type", loc, msg: "Input should be a valid integer" },
    );
    return value;
  }
  if (!Number.isFinite(n)) {
    issues.push({ type: "finite_number", loc, msg: "Input should be a finite number" });
    return value;
  }
  if (!Number.isInteger(n)) {
    issues.push({ type: "int_from_float", loc, msg: "Input should be a valid integer, got a number with a fractional part" });
    return value;
  }
  checkBounds(schema, n, loc, issues);
  return n;
}

function checkNumber(schema: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  const n = toNumber(value);
  if (n === undefined) {
    const parsing = typeof value === "string";
    issues.push(
      parsing
        ? { type: "float_parsing", loc, msg: "Input should be a valid number, unable to parse string as a number" }
        : { type: "float_type", loc, msg: "Input should be a valid number" },
    );
    return value;
  }
  checkBounds(schema, n, loc, issues);
  return n;
}

function checkBounds(schema: JsonSchema, n: number, loc: (string | number)[], issues: ValidationIssue[]): void {
  if (schema.minimum !== undefined && !(n >= schema.minimum)) {
    issues.push({ type: "greater_than_equal", loc, msg: `Input should be greater than or equal to ${schema.minimum}`, ctx: { ge: schema.minimum } });
  }
  if (schema.exclusiveMinimum !== undefined && !(n > schema.exclusiveMinimum)) {
    issues.push({ type: "greater_than", loc, msg: `Input should be greater than ${schema.exclusiveMinimum}`, ctx: { gt: schema.exclusiveMinimum } });
  }
}

function checkBoolean(value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (typeof value === "boolean") return value;
  if (value === 0 || value === 1) return value === 1;
  if (typeof value === "string") {
    const text = value.trim().toLowerCase();
    if (TRUE.has(text)) return true;
    if (FALSE.has(text)) return false;
    issues.push({ type: "bool_parsing", loc, msg: "Input should be a valid boolean, unable to interpret input" });
    return value;
  }
  issues.push({ type: "bool_type", loc, msg: "Input should be a valid boolean" });
  return value;
}

function checkArray(schema: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (!Array.isArray(value)) {
    issues.push({ type: "list_type", loc, msg: "Input should be a valid list" });
    return value;
  }
  return schema.items ? value.map((item, i) => check(schema.items!, item, [...loc, i], issues)) : value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function checkObject(schema: JsonSchema, value: unknown, loc: (string | number)[], issues: ValidationIssue[]): unknown {
  if (!isPlainObject(value)) {
    issues.push(
      schema.properties
        ? { type: "model_attributes_type", loc, msg: "Input should be a valid dictionary or object to extract fields from" }
        : { type: "dict_type", loc, msg: "Input should be a valid dictionary" },
    );
    return value;
  }
  if (!schema.properties) return value;
  const out: Record<string, unknown> = {};
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (Object.hasOwn(value, name)) {
      out[name] = check(prop, value[name], [...loc, name], issues);
    } else if (schema.required?.includes(name)) {
      issues.push({ type: "missing", loc: [...loc, name], msg: "Field required" });
    } else if (resolve(prop).default !== undefined) {
      out[name] = resolve(prop).default;
    }
  }
  return out;
}
