/**
 * A small interpreter for the request-side JSON-schema subset in `generated/operations.ts`.
 * It runs before anything is sent, so a broken documented rule is a `CdeskInputError` naming the
 * field and the rule, never a 422 after a round trip. The generator refuses any keyword this file
 * does not understand, so a spec change cannot be silently ignored here.
 */
import { CdeskInputError } from "./errors.js";
import { jsonTypeOf } from "./response-shape.js";

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
  /**
   * The spec's `x-cdesk-line`: one line of text, as a key file holds it. One trailing line break is
   * allowed (and dropped before sending, see `dropTrailingBreak`); any other line break, NUL, and a
   * value of only whitespace are refused.
   */
  line?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Line breaks JSON and YAML readers honour (CR, LF, NEL, LS, PS), and NUL. */
const BREAK_OR_NUL = /[\r\n\u0085\u2028\u2029\u0000]/;
const TRAILING_BREAK = /\r?\n$/;
/** Deeper than this, an argument is refused: no documented value nests more than a few levels. */
const MAX_DEPTH = 64;
const patterns: Record<string, RegExp> = {};

/** Throws `CdeskInputError` at the first value that breaks `rule`; `field` names the value (`""` for a body). */
export function validate(value: unknown, rule: SchemaRule, field: string): void {
  if (!rule.type || (value === null && rule.nullable)) return assertJsonValue(value, field, 0);
  const actual = jsonTypeOf(value);
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
 * unchanged: finite numbers, strings, booleans, null, plain objects and arrays only, not circular and
 * at most `MAX_DEPTH` deep (so neither check nor serialiser can run out of stack).
 */
export function assertJsonValue(value: unknown, field: string, depth: number, ancestors = new Set<object>()): void {
  switch (typeof value) {
    case "number":
      return assertFinite(value, field);
    case "string":
    case "boolean":
    case "undefined":
      return;
    case "object":
      if (value === null) return;
      break;
    default:
      fail(field, "type", `cannot be sent as JSON: ${typeof value}`);
  }
  if (depth >= MAX_DEPTH) fail(field, "depth", `nests deeper than ${MAX_DEPTH} levels`);
  if (ancestors.has(value)) fail(field, "circular", "refers to itself");
  ancestors.add(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) assertJsonValue(value[i], `${field}[${i}]`, depth + 1, ancestors);
  } else {
    assertPlainObject(value, field);
    for (const key in value) assertJsonValue(value[key], join(field, key), depth + 1, ancestors);
  }
  ancestors.delete(value);
}

/** `body` with its top-level `line` fields' one trailing line break dropped (a copy, only when needed). */
export function dropTrailingBreak<T>(body: T, rule: SchemaRule | undefined): T {
  if (!rule?.properties || typeof body !== "object" || body === null) return body;
  let copy: Record<string, unknown> | undefined;
  for (const key in rule.properties) {
    const value = (body as Record<string, unknown>)[key];
    if (rule.properties[key]!.line && typeof value === "string" && TRAILING_BREAK.test(value)) {
      copy ??= { ...(body as Record<string, unknown>) };
      copy[key] = value.replace(TRAILING_BREAK, "");
    }
  }
  return (copy ?? body) as T;
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
  // Checked as it will be sent: without the one trailing line break a `line` may have.
  if (rule.line) value = value.replace(TRAILING_BREAK, "");
  if (value.length < rule.minLength!) fail(field, "minLength", `must have at least ${rule.minLength} character(s)`);
  if (value.length > rule.maxLength!) fail(field, "maxLength", `must have at most ${rule.maxLength} characters, got ${value.length}`);
  const bytes = rule.maxUtf8Bytes === undefined ? 0 : utf8Length(value);
  if (bytes > rule.maxUtf8Bytes!) fail(field, "max-bytes", `must be at most ${rule.maxUtf8Bytes} UTF-8 bytes, got ${bytes}`);
  if (rule.format === "uuid" && !UUID.test(value)) fail(field, "uuid", `must be a UUID (8-4-4-4-12 hex digits), got ${shown(value)}`);
  if (rule.pattern !== undefined) {
    const regex = (patterns[rule.pattern] ??= new RegExp(rule.pattern, "u"));
    if (!regex.test(value)) fail(field, "pattern", `must match ${rule.pattern}, got ${shown(value)}`);
  }
  if (rule.line) {
    if (BREAK_OR_NUL.test(value)) fail(field, "one-line", "must be one line, without line breaks or NUL characters");
    if (value.trim() === "") fail(field, "blank", "must not be only whitespace");
  }
}

/** A value quoted for a message, cut to 40 characters. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
}

/** UTF-8 length as sent (a lone surrogate becomes U+FFFD, 3 bytes); only computed for fields with a byte limit. */
function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}
