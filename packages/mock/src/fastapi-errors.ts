/**
 * The error bodies FastAPI (with pydantic 2) sends, for the answers the front gives itself.
 * Each message below was read from a FastAPI 0.142 / pydantic 2.13 app answering the same request
 * (see README, "What the mock answers").
 */

/** One item of FastAPI's 422 body (`ValidationError` in the spec). */
export interface ValidationItem {
  loc: (string | number)[];
  msg: string;
  type: string;
  input?: unknown;
  ctx?: Record<string, unknown>;
}

/** The API's 422 body (FastAPI's `HTTPValidationError`). */
export interface ValidationErrorBody {
  detail: ValidationItem[];
}

export const METHOD_NOT_ALLOWED = { detail: "Method Not Allowed" } as const;
export const NOT_FOUND = { detail: "Not Found" } as const;

/** FastAPI reads the JSON body before anything else: `json_invalid`, located at the offset. */
export function jsonInvalid(position: number, error: string): ValidationItem {
  return { type: "json_invalid", loc: ["body", position], msg: "JSON decode error", input: {}, ctx: { error } };
}

/** The YAML counterpart of `json_invalid` (the service parses the YAML text itself). */
export function yamlInvalid(position: number | undefined, error: string): ValidationItem {
  const loc = position === undefined ? ["body"] : ["body", position];
  return { type: "yaml_invalid", loc, msg: "YAML parse error", input: {}, ctx: { error } };
}

/** A body whose media type the operation does not declare. */
export function unsupportedMediaType(message: string): ValidationItem {
  return { type: "unsupported_media_type", loc: ["header", "content-type"], msg: message, input: {} };
}

/** FastAPI's answer to a request without the required body. */
export const BODY_MISSING: ValidationItem = { type: "missing", loc: ["body"], msg: "Field required", input: null };

type Schema = Record<string, unknown>;

/** The branches of a schema that are not `null` (FastAPI's `X | None`). */
function nonNullBranches(schema: Schema): Schema[] {
  const branches = Array.isArray(schema.anyOf) ? (schema.anyOf as Schema[]) : [schema];
  return branches.filter((branch) => branch.type !== "null");
}

/**
 * What pydantic says when it cannot read the text `input` (`""` or `"x"`) as a value of `schema`,
 * or undefined when it can (a plain string accepts anything).
 */
export function unparsableValue(location: "path" | "query", name: string, schema: Schema, input: string): ValidationItem | undefined {
  const branches = nonNullBranches(schema);
  if (branches.some((branch) => branch.type === "string" && branch.format === undefined && (Number(branch.minLength ?? 0) <= input.length))) {
    return undefined;
  }
  const loc = [location, name];
  const first = branches[0] ?? {};
  if (first.type === "boolean") return { type: "bool_parsing", loc, msg: "Input should be a valid boolean, unable to interpret input", input };
  if (first.type === "integer") return { type: "int_parsing", loc, msg: "Input should be a valid integer, unable to parse string as an integer", input };
  if (first.type === "number") return { type: "float_parsing", loc, msg: "Input should be a valid number, unable to parse string as a number", input };
  if (first.format === "uuid") {
    const error = input === "" ? "invalid length: expected length 32 for simple format, found 0" : `invalid character: found \`${input[0]}\` at 1`;
    return { type: "uuid_parsing", loc, msg: `Input should be a valid UUID, ${error}`, input, ctx: { error } };
  }
  if (first.type === "string" && typeof first.minLength === "number") {
    const min = first.minLength;
    return { type: "string_too_short", loc, msg: `String should have at least ${min} character${min === 1 ? "" : "s"}`, input, ctx: { min_length: min } };
  }
  return undefined;
}
