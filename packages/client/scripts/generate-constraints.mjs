#!/usr/bin/env node
// Generates src/generated/request-constraints.ts: the request-side rules of the spec shipped by
// @cdesk/types (path/query parameters and request bodies), so validation is never hand-written twice.
//   node scripts/generate-constraints.mjs          write the file
//   node scripts/generate-constraints.mjs --check  write nothing; exit 1 if the committed file is stale
//   --spec PATH                                    read another spec (the generator's own tests use it)
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { writeOrCheckGenerated } from "../../../scripts/generated-file.mjs";

const outPath = fileURLToPath(new URL("../src/generated/request-constraints.ts", import.meta.url));

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
 * Keywords src/validate.ts enforces, with their name there. Anything else that constrains a value
 * stops the generator: a rule the spec states must never be silently skipped.
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
};
/** Keywords that describe without constraining (or that the walk below handles itself). */
const DESCRIPTIVE = new Set(["title", "description", "default", "example", "examples", "properties", "items", "format", "anyOf"]);

function unsupported(where, what) {
  console.error(
    `${where}: ${what} is not enforced by packages/client/src/validate.ts. ` +
      "Teach validate.ts the rule, then list it in scripts/generate-constraints.mjs.",
  );
  process.exit(1);
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

function normalize(input, where) {
  const schema = resolve(input);
  if (!schema || typeof schema !== "object") return {};
  if (Array.isArray(schema.anyOf)) {
    const branches = schema.anyOf.map(resolve);
    const nonNull = branches.filter((b) => b.type !== "null");
    const nullable = nonNull.length < branches.length;
    let rule;
    if (nonNull.length === 1) rule = normalize(nonNull[0], where);
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
      Object.entries(schema.properties).map(([k, v]) => [k, normalize(v, `${where}.${k}`)]),
    );
  }
  if (schema.items) rule.items = normalize(schema.items, `${where}[]`);
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
    properties: Object.fromEntries(params.map((p) => [p.name, normalize(p.schema, `${where} ${location} ${p.name}`)])),
  };
}

function requestBody(operation, where) {
  const body = resolve(operation.requestBody);
  if (!body?.content) return undefined;
  const [media] = Object.values(body.content);
  return media?.schema ? normalize(media.schema, `${where} body`) : undefined;
}

const operations = {};
for (const [path, pathItem] of Object.entries(spec.paths)) {
  for (const method of ["get", "put", "post", "delete", "patch"]) {
    const operation = pathItem[method];
    if (!operation) continue;
    const key = `${method.toUpperCase()} ${path}`;
    const constraints = {};
    const pathParams = parameters(operation, pathItem, "path", key);
    const queryParams = parameters(operation, pathItem, "query", key);
    const body = requestBody(operation, key);
    if (pathParams) constraints.path = pathParams;
    if (queryParams) constraints.query = queryParams;
    if (body) constraints.body = body;
    // Operations without parameters or body have nothing to check (and cost no bundle bytes).
    if (Object.keys(constraints).length > 0) operations[key] = constraints;
  }
}

const generated = `/**
 * Generated by packages/client/scripts/generate-constraints.mjs from the spec @cdesk/types ships.
 * Do not edit: change openapi/supply-api.yaml and run \`pnpm generate\`.
 */
import type { OperationConstraints } from "../validate.js";

/** The API's documented server (the spec's \`servers[0].url\`). */
export const SPEC_SERVER_URL = ${JSON.stringify(spec.servers?.[0]?.url ?? "")};

/** Request-side constraints of every operation that has parameters or a body, keyed by \`METHOD /path/template\`. */
export const REQUEST_CONSTRAINTS = ${JSON.stringify(operations, null, 2)} satisfies Record<string, OperationConstraints>;
`;

writeOrCheckGenerated(outPath, generated, {
  check: process.argv.includes("--check"),
  source: "the spec",
  label: "@cdesk/client request constraints",
});
