import fc from "fast-check";
import { stringify } from "yaml";
import type { OperationModel, ParameterModel } from "../../src/spec-model.js";
import { isYamlMediaType } from "../../src/yaml-body.js";
import { valueOf } from "./schema-arbitrary.js";
import { declaredKey, requestBodyIsValid } from "./schema-validators.js";
import { operationObject, operations, resolve, type Json } from "./spec-document.js";

/** What the answer to a case must be, beyond "declared by the spec, body matching its schema". */
export type Expectation =
  | { kind: "success" }
  | { kind: "status"; status: number }
  | { kind: "rejected"; status: 401 | 422 }
  | { kind: "method-not-allowed" };

export interface RequestCase {
  readonly operation: OperationModel;
  /** `valid`, or the one thing broken on purpose (`no-token`, `bad-path`...). */
  readonly variant: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: string | undefined;
  readonly expect: Expectation;
}

interface Parts {
  pathValues: Record<string, string>;
  query: Record<string, string>;
  body?: { mediaType: string; value: unknown } | undefined;
}

const TOKEN = "Bearer fuzz-token";
const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const paramsIn = (operation: OperationModel, where: ParameterModel["in"]) => operation.parameters.filter((p) => p.in === where);
const serialize = (mediaType: string, value: unknown) => (isYamlMediaType(mediaType) ? stringify(value) : JSON.stringify(value));

/** Valid path values, optional query values (some left out) and a valid body, from the schemas. */
function validParts(operation: OperationModel): fc.Arbitrary<Parts> {
  const pathValues = fc.record(Object.fromEntries(paramsIn(operation, "path").map((p) => [p.name, valueOf(p.schema).map(String)])));
  const query = fc
    .record(Object.fromEntries(paramsIn(operation, "query").map((p) => [p.name, valueOf(p.schema)])), { requiredKeys: [] })
    // null is how a schema says "absent" (FastAPI's `X | None = None`): leave it out.
    .map((values) => Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null).map(([k, v]) => [k, String(v)])));
  const mediaType = operation.requestMediaTypes[0];
  const content = resolve(operationObject(operation).requestBody).content as Record<string, Json> | undefined;
  const body = mediaType && content ? valueOf(content[mediaType]?.schema).map((value) => ({ mediaType, value })) : fc.constant(undefined);
  return fc.record({ pathValues, query, body });
}

interface Override {
  readonly method?: string;
  /** Header values; undefined removes the header. */
  readonly headers?: Record<string, string | undefined>;
  readonly body?: string;
}

function toCase(operation: OperationModel, variant: string, parts: Parts, expect: Expectation, extra: Override = {}): RequestCase {
  const path = operation.route.template.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(parts.pathValues[name] ?? ""));
  const search = new URLSearchParams(parts.query).toString();
  const headers: Record<string, string> = { authorization: TOKEN, origin: "http://fuzz.test" };
  if (parts.body) headers["content-type"] = parts.body.mediaType;
  const merged = Object.entries({ ...headers, ...extra.headers }).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const method = extra.method ?? operation.method;
  // fetch sends no body with GET.
  const body = method === "GET" ? undefined : "body" in extra ? extra.body : parts.body && serialize(parts.body.mediaType, parts.body.value);
  return { operation, variant, method, path: search ? `${path}?${search}` : path, headers: Object.fromEntries(merged), body, expect };
}

/** Every status an operation declares, a `5XX` range as its usual members. */
function declaredStatuses(operation: OperationModel): number[] {
  return Object.keys(operationObject(operation).responses as Json).flatMap((key) =>
    /^\dXX$/.test(key) ? [0, 2, 3, 4].map((n) => Number(key[0]) * 100 + n) : /^\d{3}$/.test(key) ? [Number(key)] : [],
  );
}

/** An expectation from the schema itself: a body that still validates must succeed. */
const byValidity = (operation: OperationModel, mediaType: string, value: unknown): Expectation =>
  requestBodyIsValid(operation, mediaType, value) ? { kind: "success" } : { kind: "rejected", status: 422 };

// "." and ".." are resolved away by URL parsing; a "/" (sent as %2F) is its own case below.
const notAUuid = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== "." && s !== ".." && !s.includes("/") && !/^[0-9a-f-]{32,36}$/i.test(s));
// Two segments where one was due: no route matches ("status" would make it /offers/{id}/status).
const twoSegments = fc.tuple(notAUuid, notAUuid.filter((s) => s !== "status")).map(([a, b]) => `${a}/${b}`);
const wrongValue = fc.constantFrom<unknown>(12345, -1, 0, "text", "", true, null, [], {}, [1, "a"], { nested: true });

function casesOf(operation: OperationModel): fc.Arbitrary<RequestCase> {
  const parts = validParts(operation);
  // Weights: valid requests and bodies are where the behaviour is; a 405 is one rule.
  const variants: fc.WeightedArbitrary<RequestCase>[] = [];
  const add = (weight: number, arbitrary: fc.Arbitrary<RequestCase>) => variants.push({ weight, arbitrary });
  add(4, parts.map((p) => toCase(operation, "valid", p, { kind: "success" })));
  add(
    3,
    fc.tuple(parts, fc.constantFrom(...declaredStatuses(operation))).map(([p, status]) =>
      toCase(operation, "prefer-code", p, { kind: "status", status: declaredKey(operation, status) ? status : 404 }, { headers: { prefer: `code=${status}` } }),
    ),
  );
  if (operation.secured) {
    const badAuth = fc.constantFrom<string | undefined>(undefined, "", "Bearer ", "Basic dXNlcjpwdw==", "bearer");
    add(2, fc.tuple(parts, badAuth).map(([p, authorization]) => toCase(operation, "no-token", p, { kind: "rejected", status: 401 }, { headers: { authorization } })));
  }
  const examples = operation.exampleNames.get("200") ?? [];
  if (examples.length > 0) {
    add(2, fc.tuple(parts, fc.constantFrom(...examples)).map(([p, name]) => toCase(operation, "prefer-example", p, { kind: "status", status: 200 }, { headers: { prefer: `example=${name}` } })));
  }
  const otherMethods = HTTP_METHODS.filter((m) => !operations.some((o) => o.method === m && o.route.template === operation.route.template));
  if (otherMethods.length > 0) {
    add(1, fc.tuple(parts, fc.constantFrom(...otherMethods)).map(([p, method]) => toCase(operation, "method-not-allowed", p, { kind: "method-not-allowed" }, { method })));
  }
  for (const parameter of paramsIn(operation, "path")) {
    add(2, fc.tuple(parts, notAUuid).map(([p, bad]) => toCase(operation, "bad-path", { ...p, pathValues: { ...p.pathValues, [parameter.name]: bad } }, { kind: "rejected", status: 422 })));
    // Starlette routes the decoded path, so an encoded slash leaves no route: FastAPI's 404.
    add(1, fc.tuple(parts, twoSegments).map(([p, bad]) => toCase(operation, "path-slash", { ...p, pathValues: { ...p.pathValues, [parameter.name]: bad } }, { kind: "status", status: 404 })));
  }
  for (const parameter of paramsIn(operation, "query").filter((p) => resolve(p.schema).type !== "string")) {
    add(
      2,
      fc.tuple(parts, fc.oneof(fc.constant(""), fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !["true", "false"].includes(s)))).map(([p, bad]) =>
        toCase(operation, bad === "" ? "empty-query" : "bad-query", { ...p, query: { ...p.query, [parameter.name]: bad } }, { kind: "rejected", status: 422 }),
      ),
    );
  }
  const mediaType = operation.requestMediaTypes[0];
  if (mediaType) bodyCases(operation, mediaType, parts).forEach((arbitrary) => add(3, arbitrary));
  return fc.oneof(...variants);
}

function bodyCases(operation: OperationModel, mediaType: string, parts: fc.Arbitrary<Parts>): fc.Arbitrary<RequestCase>[] {
  const withBody = (p: Parts, value: unknown) => ({ ...p, body: { mediaType, value } });
  const rejected = { kind: "rejected", status: 422 } as const;
  const undeclared = ["text/plain", "application/xml", "application/x-www-form-urlencoded", "application/json", "application/yaml"].filter((t) => t !== mediaType);
  return [
    // One property dropped or given a value of another type; the schema says whether it is still valid.
    parts.chain((p) => {
      const value = p.body?.value as Json;
      const keys = Object.keys(value);
      if (keys.length === 0) return fc.constant(toCase(operation, "body-wrong-type", withBody(p, []), byValidity(operation, mediaType, [])));
      return fc.tuple(fc.constantFrom(...keys), fc.option(wrongValue, { nil: undefined })).map(([key, replacement]) => {
        const { [key]: _dropped, ...rest } = value;
        const mutated = replacement === undefined ? rest : { ...value, [key]: replacement };
        return toCase(operation, replacement === undefined ? "body-missing-field" : "body-wrong-type", withBody(p, mutated), byValidity(operation, mediaType, mutated));
      });
    }),
    fc.tuple(parts, fc.jsonValue({ maxDepth: 2 })).map(([p, value]) => toCase(operation, "body-any-json", withBody(p, value), byValidity(operation, mediaType, value))),
    // Text that cannot parse: JSON cut before its last bracket, YAML with an unclosed flow sequence, a duplicate key, an alias bomb.
    fc.tuple(parts, fc.constantFrom("cut", "duplicate-key", "alias-bomb")).map(([p, how]) => {
      const text = serialize(mediaType, p.body?.value);
      const yaml = isYamlMediaType(mediaType);
      const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ..."bcdef".split("").map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcde"[i]}`).join(",")}]`)].join("\n");
      const broken = how === "cut" ? (yaml ? `broken: [unclosed\n${text}` : text.slice(0, -1)) : how === "duplicate-key" ? (yaml ? `k: 1\nk: 2\n${text}` : "{") : yaml ? bomb : "[";
      return toCase(operation, yaml ? `body-malformed-${how}` : "body-malformed-json", p, rejected, { body: broken });
    }),
    fc.tuple(parts, fc.constantFrom(...undeclared)).map(([p, type]) => toCase(operation, "body-media-type", p, rejected, { headers: { "content-type": type } })),
    parts.map((p) => toCase(operation, "body-absent", { ...p, body: undefined }, rejected)),
  ];
}

/** Requests to every operation of the spec: valid ones, and ones with one thing broken. */
export const requestCases: fc.Arbitrary<RequestCase> = fc.oneof(
  // Operations that take a body have the most ways to go wrong: drawn three times as often.
  ...operations.map((operation) => ({ weight: operation.requestMediaTypes.length > 0 ? 3 : 1, arbitrary: casesOf(operation) })),
);
