#!/usr/bin/env node
// Generates src/generated/operations.ts: the one table of per-operation behaviour, read from the
// spec @cdesk/types ships. For each operation: its request rules (path/query parameters, body), the
// shape its 2xx body must have, how the body is encoded, when it may be retried, and its default
// timeout. Nothing about an operation is written anywhere else in the client.
//   node scripts/generate-operations.mjs          write the file
//   node scripts/generate-operations.mjs --check  write nothing; exit 1 if the committed file is stale
//   --spec PATH                                   read another spec (the generator's own tests use it)
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { writeOrCheckGenerated } from "../../../scripts/generated-file.mjs";

const outPath = fileURLToPath(new URL("../src/generated/operations.ts", import.meta.url));

/** The timeout of an operation the spec does not give one (`x-cdesk-timeout-ms`). */
const DEFAULT_TIMEOUT_MS = 60_000;
/** Methods that may be repeated without asking the spec (RFC 9110 idempotent methods). */
const IDEMPOTENT_METHODS = new Set(["get", "put", "delete", "head", "options"]);
const RETRY_CLASSES = new Set(["idempotent", "only-if-not-sent"]);
const BODY_ENCODINGS = { "application/json": "json", "application/yaml": "yaml" };

function shippedSpecPath() {
  let path;
  try {
    path = createRequire(import.meta.url).resolve("@cdesk/types/openapi.yaml");
  } catch {}
  if (!path || !existsSync(path)) {
    console.error(
      "@cdesk/types/openapi.yaml is missing. Run `pnpm --filter @cdesk/types generate` first " +
        "(turbo does it for you: `pnpm generate`).",
    );
    process.exit(1);
  }
  return path;
}

const specArg = process.argv.indexOf("--spec");
const spec = parse(readFileSync(specArg > 0 ? process.argv[specArg + 1] : shippedSpecPath(), "utf8"));

/**
 * Keywords src/validate.ts enforces on requests, with their name there. Anything else that
 * constrains a value stops the generator: a rule the spec states must never be silently skipped.
 */
const ENFORCED = {
  type: "type",
  required: "required",
  minLength: "minLength",
  maxLength: "maxLength",
  pattern: "pattern",
  minimum: "minimum",
  exclusiveMinimum: "exclusiveMinimum",
  "x-max-utf8-bytes": "maxUtf8Bytes",
  "x-cdesk-line": "line",
};
/** Keywords that describe without constraining (or that the walk below handles itself). */
const DESCRIPTIVE = new Set(["title", "description", "default", "example", "examples", "properties", "items", "format", "anyOf"]);

function stop(message) {
  console.error(message);
  process.exit(1);
}

function unsupported(where, what) {
  stop(
    `${where}: ${what} is not enforced by packages/client/src/validate.ts. ` +
      "Teach validate.ts the rule, then list it in scripts/generate-operations.mjs.",
  );
}

function resolve(schema) {
  let current = schema;
  while (current && current.$ref) {
    const parts = current.$ref.replace(/^#\//, "").split("/");
    current = parts.reduce((node, key) => node[key], spec);
  }
  return current;
}

/** An open string set (`anyOf: [{type: string, enum}, {type: string}]`) accepts any string. */
function isOpenStringSet(branches) {
  return (
    branches.every((b) => b.type === "string") &&
    branches.some((b) => Object.keys(b).every((k) => k === "type" || k === "title" || k === "description"))
  );
}

/** `anyOf` split into its non-null branches and whether `null` is one of them. */
function splitNull(schema) {
  const branches = schema.anyOf.map(resolve);
  const nonNull = branches.filter((b) => b.type !== "null");
  return { nonNull, nullable: nonNull.length < branches.length };
}

/** The request-side rule of a schema (src/validate.ts `SchemaRule`). */
function requestRule(input, where) {
  const schema = resolve(input);
  if (!schema || typeof schema !== "object") return {};
  if (Array.isArray(schema.anyOf)) {
    const { nonNull, nullable } = splitNull(schema);
    let rule;
    if (nonNull.length === 1) rule = requestRule(nonNull[0], where);
    else if (isOpenStringSet(nonNull)) rule = { type: "string" };
    else unsupported(where, "an anyOf of several types");
    return nullable ? { ...rule, nullable: true } : rule;
  }
  const rule = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (keyword in ENFORCED) rule[ENFORCED[keyword]] = value;
    else if (keyword === "additionalProperties" && value !== false) continue;
    else if (!DESCRIPTIVE.has(keyword)) unsupported(where, `the keyword ${keyword}`);
  }
  if (Array.isArray(schema.type)) unsupported(where, "a list of types");
  if (schema.format !== undefined) {
    if (schema.format !== "uuid") unsupported(where, `format ${schema.format}`);
    rule.format = "uuid";
  }
  if (schema.properties) {
    rule.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, requestRule(v, `${where}.${k}`)]),
    );
  }
  if (schema.items) rule.items = requestRule(schema.items, `${where}[]`);
  return rule;
}

/**
 * The response-side rule of a schema (src/response-shape.ts `ShapeRule`): JSON types only, through
 * required fields, array items and map values. Optional fields, formats, patterns and the values of
 * open string sets are not checked: a server may add and extend, but not drop what was promised.
 */
function shapeRule(input, where) {
  const schema = resolve(input);
  if (!schema || typeof schema !== "object") return {};
  if (Array.isArray(schema.anyOf)) {
    const { nonNull, nullable } = splitNull(schema);
    let rule;
    if (nonNull.length === 1) rule = shapeRule(nonNull[0], where);
    else if (isOpenStringSet(nonNull)) rule = { type: "string" };
    else {
      const types = [...new Set(nonNull.map((b) => b.type))];
      if (types.some((t) => typeof t !== "string")) stop(`${where}: an anyOf branch without a single type cannot be checked`);
      rule = { type: types.length === 1 ? types[0] : types };
    }
    return nullable ? { ...rule, nullable: true } : rule;
  }
  if (Array.isArray(schema.type)) stop(`${where}: a list of types cannot be checked; use anyOf`);
  if (schema.type === undefined) return {};
  // JSON has one number type: an integer field sent as 2.0 is still the number promised.
  const rule = { type: schema.type === "integer" ? "number" : schema.type };
  if (schema.type === "object") {
    const required = schema.required ?? [];
    if (required.length > 0) {
      rule.required = Object.fromEntries(required.map((k) => [k, shapeRule(schema.properties?.[k], `${where}.${k}`)]));
    }
    const values = schema.additionalProperties;
    if (values && typeof values === "object" && Object.keys(shapeRule(values, `${where}.*`)).length > 0) {
      rule.values = shapeRule(values, `${where}.*`);
    }
  }
  if (schema.type === "array" && schema.items) {
    const items = shapeRule(schema.items, `${where}[]`);
    if (Object.keys(items).length > 0) rule.items = items;
  }
  return rule;
}

function parameters(operation, pathItem, location, where) {
  const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]
    .map(resolve)
    .filter((p) => p.in === location);
  if (params.length === 0) return undefined;
  const required = params.filter((p) => p.required).map((p) => p.name);
  return {
    type: "object",
    ...(required.length > 0 ? { required } : {}),
    properties: Object.fromEntries(params.map((p) => [p.name, requestRule(p.schema, `${where} ${location} ${p.name}`)])),
  };
}

/** The request body's rule and encoding, from its (single) media type. */
function requestBody(operation, where) {
  const body = resolve(operation.requestBody);
  if (!body?.content) return {};
  const types = Object.keys(body.content);
  if (types.length !== 1 || !(types[0] in BODY_ENCODINGS)) {
    stop(`${where}: request body media types ${types.join(", ")}: the client sends only one of ${Object.keys(BODY_ENCODINGS).join(", ")}`);
  }
  const schema = body.content[types[0]].schema;
  return { encoding: BODY_ENCODINGS[types[0]], rule: schema ? requestRule(schema, `${where} body`) : undefined };
}

/** The shape of the 2xx answer: its JSON schema, or `null` for an answer without a body. */
function successShape(operation, where) {
  const codes = Object.keys(operation.responses ?? {}).filter((code) => /^2\d\d$/.test(code));
  if (codes.length === 0) stop(`${where}: no 2xx response: the client would not know what success looks like`);
  const media = operation.responses[codes[0]] && resolve(operation.responses[codes[0]]).content?.["application/json"];
  return media?.schema ? shapeRule(media.schema, `${where} response`) : null;
}

function retryClass(operation, method, where) {
  const declared = operation["x-cdesk-retry"];
  if (declared !== undefined) {
    if (!RETRY_CLASSES.has(declared)) stop(`${where}: x-cdesk-retry must be one of ${[...RETRY_CLASSES].join(", ")}, got ${declared}`);
    return declared;
  }
  if (IDEMPOTENT_METHODS.has(method)) return "idempotent";
  return stop(`${where}: a ${method.toUpperCase()} needs x-cdesk-retry (idempotent or only-if-not-sent) in openapi/overlay.yaml`);
}

function timeoutMs(operation, where) {
  const declared = operation["x-cdesk-timeout-ms"] ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isInteger(declared) || declared < 1) stop(`${where}: x-cdesk-timeout-ms must be a positive integer, got ${declared}`);
  return declared;
}

function listKeys(operation, response, where) {
  const keys = operation["x-cdesk-list-keys"];
  if (keys === undefined) return undefined;
  if (!Array.isArray(keys) || keys.some((k) => typeof k !== "string")) stop(`${where}: x-cdesk-list-keys must be a list of names`);
  if (response?.type !== "array") stop(`${where}: x-cdesk-list-keys needs an array response`);
  return keys;
}

const operations = {};
for (const [path, pathItem] of Object.entries(spec.paths)) {
  for (const method of ["get", "put", "post", "delete", "patch", "head", "options"]) {
    const operation = pathItem[method];
    if (!operation) continue;
    const key = `${method.toUpperCase()} ${path}`;
    const request = {};
    const pathParams = parameters(operation, pathItem, "path", key);
    const queryParams = parameters(operation, pathItem, "query", key);
    const body = requestBody(operation, key);
    if (pathParams) request.path = pathParams;
    if (queryParams) request.query = queryParams;
    if (body.rule) request.body = body.rule;
    const response = successShape(operation, key);
    const entry = { retry: retryClass(operation, method, key), timeoutMs: timeoutMs(operation, key), response };
    if (body.encoding) entry.encoding = body.encoding;
    const keys = listKeys(operation, response, key);
    if (keys) entry.listKeys = keys;
    if (Object.keys(request).length > 0) entry.request = request;
    operations[key] = entry;
  }
}

const generated = `/**
 * Generated by packages/client/scripts/generate-operations.mjs from the spec @cdesk/types ships.
 * Do not edit: change openapi/supply-api.yaml (or openapi/overlay.yaml) and run \`pnpm generate\`.
 */
import type { Operation, OperationKey } from "../operation.js";

/** The API's documented server (the spec's \`servers[0].url\`). */
export const SPEC_SERVER_URL = ${JSON.stringify(spec.servers?.[0]?.url ?? "")};

/** Every operation of the spec, keyed by \`METHOD /path/template\`. */
export const OPERATIONS: { readonly [K in OperationKey]: Operation } = ${JSON.stringify(operations, null, 2)};
`;

writeOrCheckGenerated(outPath, generated, {
  check: process.argv.includes("--check"),
  source: "the spec",
  label: "@cdesk/client operation table",
});
