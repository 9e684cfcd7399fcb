/**
 * A small interpreter for the request-side JSON-schema subset in `generated/request-constraints.ts`.
 * It runs before anything is sent, so a broken documented rule is a `CdeskInputError` naming the
 * field and the rule, never a 422 after a round trip. The generator refuses any keyword this file
 * does not understand, so a spec change cannot be silently ignored here.
 */
import { CdeskInputError } from "./errors.js";

/** One node of the generated constraints: the JSON-schema keywords the request side uses. */
export interface SchemaRule {
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array";
  /** `anyOf: [..., {type: "null"}]` in the spec. */
  nullable?: boolean;
  required?: readonly string[];
  properties?: Record<string, SchemaRule>;
  items?: SchemaRule;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: "uuid";
  minimum?: number;
  exclusiveMinimum?: number;
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
const patterns: Record<string, RegExp> = {};

/** Throws `CdeskInputError` at the first value that breaks `rule`; `field` names the value (`""` for a body). */
export function validate(value: unknown, rule: SchemaRule, field: string): void {
  if (!rule.type || (value === null && rule.nullable)) return assertJsonValue(value, field);
  const actual = jsonType(value);
  const expected = rule.type === "integer" ? "number" : rule.type;
  if (actual !== expected) fail(field, "type", `must be ${/^[aeio]/.test(rule.type) ? "an" : "a"} ${rule.type}, not ${actual}`);
  if (typeof value === "string") return validateString(value, rule, field);
  if (typeof value === "number") {
    assertFinite(value, field);
    if (rule.type === "integer" && !Number.isInteger(value)) fail(field, "integer", `must be an integer, got ${value}`);
    if (value < rule.minimum!) fail(field, "minimum", `must be >= ${rule.minimum}, got ${value}`);
    if (value <= rule.exclusiveMinimum!) fail(field, "exclusiveMinimum", `must be > ${rule.exclusiveMinimum}, got ${value}`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => validate(item, rule.items ?? {}, `${field}[${i}]`));
  } else if (actual === "object") {
    const object = value as object;
    assertPlainObject(object, field);
    for (const key of rule.required ?? []) if (object[key] === undefined) fail(join(field, key), "required", "is required");
    for (const key in object) {
      // An undefined property is left out of the request, as JSON.stringify does.
      if (object[key] !== undefined) validate(object[key], rule.properties?.[key] ?? {}, join(field, key));
    }
  }
}

/**
 * Values the spec says nothing about (extra properties) must still survive serialisation
 * unchanged: finite numbers, plain objects and arrays only.
 */
export function assertJsonValue(value: unknown, field: string): void {
  if (typeof value === "number") return assertFinite(value, field);
  if (Array.isArray(value)) return value.forEach((item, i) => assertJsonValue(item, `${field}[${i}]`));
  if (typeof value === "object" && value !== null) {
    assertPlainObject(value, field);
    for (const key in value) assertJsonValue(value[key], join(field, key));
  }
}

export function assertFinite(value: number, field: string): void {
  if (!Number.isFinite(value)) fail(field, "finite", `must be a finite number, not ${value}`);
}

export function assertPlainObject(value: object, field: string): asserts value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) fail(field, "plain-object", `must be a plain object, not ${value.constructor?.name}`);
}

/** `compute` + `gpu_count` -> `compute.gpu_count`; the root (`""`) disappears. */
export function join(parent: string, key: string): string {
  return parent === "" ? key : `${parent}.${key}`;
}

export function fail(field: string, rule: string, message: string): never {
  throw new CdeskInputError(field === "" ? "body" : field, rule, message);
}

// Messages are built only once a check has failed: validation runs on every call.
function validateString(value: string, rule: SchemaRule, field: string): void {
  if (value.length < rule.minLength!) fail(field, "minLength", `must have at least ${rule.minLength} character(s)`);
  if (value.length > rule.maxLength!) fail(field, "maxLength", `must have at most ${rule.maxLength} characters, got ${value.length}`);
  const bytes = rule.maxUtf8Bytes === undefined ? 0 : utf8Length(value);
  if (bytes > rule.maxUtf8Bytes!) fail(field, "max-bytes", `must be at most ${rule.maxUtf8Bytes} UTF-8 bytes, got ${bytes}`);
  if (rule.format === "uuid" && !UUID.test(value)) fail(field, "uuid", `must be a UUID (8-4-4-4-12 hex digits), got ${shown(value)}`);
  if (rule.pattern !== undefined) {
    const regex = (patterns[rule.pattern] ??= new RegExp(rule.pattern, "u"));
    if (!regex.test(value)) fail(field, "pattern", `must match ${rule.pattern}, got ${shown(value)}`);
  }
}

/** A value quoted for a message, cut to 40 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

function jsonType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
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
