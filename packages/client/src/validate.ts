/**
 * A small interpreter for the request-side JSON-schema subset in `generated/request-constraints.ts`.
 * It runs before anything is sent, so a broken documented rule is a `CdeskInputError` naming the
 * field and the rule, never a 422 after a round trip.
 */
import { CdeskInputError } from "./errors.js";

/** One node of the generated constraints: the JSON-schema keywords the request side uses. */
export interface SchemaRule {
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array";
  /** `anyOf: [..., {type: "null"}]` in the spec. */
  nullable?: boolean;
  anyOf?: SchemaRule[];
  enum?: readonly unknown[];
  required?: readonly string[];
  properties?: Record<string, SchemaRule>;
  items?: SchemaRule;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: "uuid";
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  exclusiveMaximum?: number;
  /** The spec's `x-max-utf8-bytes`: a size limit the server counts in UTF-8 bytes, not characters. */
  maxUtf8Bytes?: number;
}

/** What one operation accepts: its path parameters, query parameters and body. */
export interface OperationConstraints {
  path?: SchemaRule;
  query?: SchemaRule;
  body?: SchemaRule;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const patterns = new Map<string, RegExp>();

/** Throws `CdeskInputError` at the first value that breaks `rule`; `field` names the value (`""` for a body). */
export function validate(value: unknown, rule: SchemaRule, field: string): void {
  if (value === null) {
    if (rule.nullable) return;
    if (rule.type || rule.anyOf) fail(field, "type", `must be ${expected(rule)}, not null`);
  }
  if (rule.anyOf) return validateAnyOf(value, rule.anyOf, field);
  if (rule.enum && !rule.enum.includes(value)) {
    fail(field, "enum", `must be one of ${rule.enum.map((v) => JSON.stringify(v)).join(", ")}`);
  }
  switch (rule.type) {
    case "string":
      return validateString(value, rule, field);
    case "integer":
    case "number":
      return validateNumber(value, rule, field);
    case "boolean":
      if (typeof value !== "boolean") fail(field, "type", `must be a boolean, not ${describe(value)}`);
      return;
    case "array":
      return validateArray(value, rule, field);
    case "object":
      return validateObject(value, rule, field);
    default:
      return assertJsonValue(value, field);
  }
}

/**
 * Values the spec says nothing about (extra properties) must still survive serialisation
 * unchanged: finite numbers, plain objects and arrays only.
 */
export function assertJsonValue(value: unknown, field: string): void {
  if (value === null || value === undefined || typeof value === "string" || typeof value === "boolean") return;
  if (typeof value === "number") return assertFinite(value, field);
  if (Array.isArray(value)) return value.forEach((item, i) => assertJsonValue(item, `${field}[${i}]`));
  assertPlainObject(value, field);
  for (const [key, item] of Object.entries(value as object)) assertJsonValue(item, join(field, key));
}

export function assertFinite(value: number, field: string): void {
  if (!Number.isFinite(value)) fail(field, "finite", `must be a finite number, not ${value}`);
}

export function assertPlainObject(value: unknown, field: string): asserts value is Record<string, unknown> {
  const proto = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  if (proto !== Object.prototype && proto !== null) {
    fail(field, "plain-object", `must be a plain object, not ${describe(value)}`);
  }
}

/** `compute` + `gpu_count` -> `compute.gpu_count`; the root (`""`) disappears. */
export function join(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

export function fail(field: string, rule: string, message: string): never {
  throw new CdeskInputError(field === "" ? "body" : field, rule, message);
}

function validateAnyOf(value: unknown, branches: SchemaRule[], field: string): void {
  let first: unknown;
  for (const branch of branches) {
    try {
      return validate(value, branch, field);
    } catch (error) {
      first ??= error;
    }
  }
  throw first;
}

function validateString(value: unknown, rule: SchemaRule, field: string): void {
  if (typeof value !== "string") fail(field, "type", `must be a string, not ${describe(value)}`);
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    fail(field, "minLength", rule.minLength === 1 ? "must not be empty" : `must be at least ${rule.minLength} characters`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    fail(field, "maxLength", `must be at most ${rule.maxLength} characters, got ${value.length}`);
  }
  if (rule.maxUtf8Bytes !== undefined) {
    const bytes = utf8Length(value);
    if (bytes > rule.maxUtf8Bytes) fail(field, "max-bytes", `must be at most ${rule.maxUtf8Bytes} UTF-8 bytes, got ${bytes}`);
  }
  if (rule.format === "uuid" && !UUID.test(value)) {
    fail(field, "uuid", `must be a UUID like 3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11, got ${excerpt(value)}`);
  }
  if (rule.pattern !== undefined && !compiled(rule.pattern).test(value)) {
    fail(field, "pattern", `must match ${rule.pattern}, got ${excerpt(value)}`);
  }
}

function validateNumber(value: unknown, rule: SchemaRule, field: string): void {
  if (typeof value !== "number") fail(field, "type", `must be a number, not ${describe(value)}`);
  assertFinite(value, field);
  if (rule.type === "integer" && !Number.isInteger(value)) fail(field, "integer", `must be an integer, got ${value}`);
  if (rule.minimum !== undefined && value < rule.minimum) fail(field, "minimum", `must be >= ${rule.minimum}, got ${value}`);
  if (rule.exclusiveMinimum !== undefined && value <= rule.exclusiveMinimum) {
    fail(field, "exclusiveMinimum", `must be > ${rule.exclusiveMinimum}, got ${value}`);
  }
  if (rule.maximum !== undefined && value > rule.maximum) fail(field, "maximum", `must be <= ${rule.maximum}, got ${value}`);
  if (rule.exclusiveMaximum !== undefined && value >= rule.exclusiveMaximum) {
    fail(field, "exclusiveMaximum", `must be < ${rule.exclusiveMaximum}, got ${value}`);
  }
}

function validateArray(value: unknown, rule: SchemaRule, field: string): void {
  if (!Array.isArray(value)) fail(field, "type", `must be an array, not ${describe(value)}`);
  if (rule.minItems !== undefined && value.length < rule.minItems) fail(field, "minItems", `must have at least ${rule.minItems} items`);
  if (rule.maxItems !== undefined && value.length > rule.maxItems) fail(field, "maxItems", `must have at most ${rule.maxItems} items`);
  value.forEach((item, i) => (rule.items ? validate(item, rule.items, `${field}[${i}]`) : assertJsonValue(item, `${field}[${i}]`)));
}

function validateObject(value: unknown, rule: SchemaRule, field: string): void {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    fail(field, "type", `must be an object, not ${describe(value)}`);
  }
  assertPlainObject(value, field);
  for (const key of rule.required ?? []) {
    if (value[key] === undefined) fail(join(field, key), "required", "is required");
  }
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const child = rule.properties?.[key];
    if (child) validate(item, child, join(field, key));
    else assertJsonValue(item, join(field, key));
  }
}

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, "u")));
  return regex;
}

/** UTF-8 length without allocating (a valid pair is 4 bytes; a lone surrogate is sent as U+FFFD, 3 bytes). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function expected(rule: SchemaRule): string {
  if (rule.type === "integer" || rule.type === "array" || rule.type === "object") return `an ${rule.type}`;
  return rule.type ? `a ${rule.type}` : "a value";
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return (value as object).constructor?.name ?? "an object";
  return typeof value === "string" ? `the string ${excerpt(value)}` : `${typeof value} ${String(value)}`;
}

function excerpt(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);
}
