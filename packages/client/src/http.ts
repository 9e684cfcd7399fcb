/**
 * One HTTP exchange, built from the operation's row of the table: the URL from the path template and
 * parameters, the body in the operation's encoding, the headers; then the answer's body read the way
 * openapi-fetch reads it (so `raw` keeps its `{ data, error, response }` results). Written here rather
 * than borrowed from openapi-fetch: the client needs none of its middleware or serialiser options,
 * and each request then costs less CPU and fewer bundle bytes.
 */
import { CdeskInputError } from "./errors.js";
import { fail } from "./validate.js";
import { toYamlQuery } from "./yaml-query.js";

/** What one request takes, typed per operation at the public surface. */
export interface SendInit {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  headers?: Record<string, string | null> | Headers;
  signal?: AbortSignal | null;
  /** How a 2xx body is read (as in openapi-fetch). */
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
  [option: string]: unknown;
}

/** openapi-fetch options this client does not take: refused rather than silently ignored. */
const UNSUPPORTED = ["baseUrl", "fetch", "middleware", "querySerializer", "bodySerializer", "pathSerializer", "Request"];

/** A request ready to be sent, any number of times (each attempt builds a fresh `Request`). */
export interface Prepared {
  url: string;
  method: string;
  headers: Record<string, string> | Headers;
  body: string | undefined;
  parseAs: NonNullable<SendInit["parseAs"]>;
}

const CONTENT_TYPE = { json: "application/json", yaml: "application/yaml" } as const;

export function prepare(
  baseUrl: string,
  baseHeaders: Record<string, string>,
  method: string,
  path: string,
  init: SendInit,
  encoding: "json" | "yaml" | undefined,
  callHeaders: SendInit["headers"],
): Prepared {
  for (const option of UNSUPPORTED) {
    if (init[option] !== undefined) throw new CdeskInputError(option, "unsupported", "is an openapi-fetch option this client does not take");
  }
  const { params, body } = init;
  let url = baseUrl + (params?.path ? fillPath(path, params.path) : path);
  if (params?.query) url += queryString(params.query);
  let headers: Record<string, string> | Headers = baseHeaders;
  let text: string | undefined;
  if (body !== undefined) {
    text = encoding === "yaml" ? yamlBody(body) : jsonBody(body);
    headers = { "content-type": CONTENT_TYPE[encoding ?? "json"], ...baseHeaders };
  }
  if (callHeaders) headers = merged(headers, callHeaders);
  return { url, method, headers, body: text, parseAs: init.parseAs ?? "json" };
}

/** `{offer_id}` and the like, each value percent-encoded. */
function fillPath(path: string, values: Record<string, unknown>): string {
  return path.replace(/\{([^{}]+)\}/g, (match, name: string) => {
    const value = values[name];
    return value === undefined || value === null ? match : encodeURIComponent(String(value));
  });
}

/** `?a=1&b=2` (form style, arrays repeated); undefined and null values are left out. */
function queryString(query: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    const key = encodeURIComponent(name);
    if (Array.isArray(value)) for (const item of value) parts.push(`${key}=${encodeURIComponent(String(item))}`);
    else parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}

/** A query object goes through the YAML emitter; a YAML string is sent as it is. */
function yamlBody(body: unknown): string {
  if (typeof body !== "string") return toYamlQuery(body);
  if (body.trim() === "") fail("query", "required", "the YAML query is empty");
  return body;
}

/** JSON text of a body; one JSON cannot carry (a bigint, a cycle) is the caller's input error. */
function jsonBody(body: unknown): string {
  try {
    return JSON.stringify(body);
  } catch (error) {
    return fail("body", "json", `cannot be sent as JSON: ${(error as Error).message}`);
  }
}

/** Per-call headers over the client's; `null` removes one. */
function merged(base: Record<string, string> | Headers, extra: NonNullable<SendInit["headers"]>): Headers {
  const headers = new Headers(base);
  const apply = (value: string | null, name: string) => (value === null ? headers.delete(name) : headers.set(name, value));
  if (extra instanceof Headers) extra.forEach(apply);
  else for (const name in extra) apply(extra[name]!, name);
  return headers;
}

/** The `Request` of one attempt. */
export function requestOf(prepared: Prepared, signal: AbortSignal): Request {
  const { url, method, headers, body } = prepared;
  // `manual`: the API never redirects, and a followed redirect would carry the body elsewhere.
  return new Request(url, { method, headers, body, signal, redirect: "manual" });
}

/** The answer as openapi-fetch gives it: the parsed body as `data` (2xx) or `error`. */
export async function readAnswer(
  response: Response,
  method: string,
  parseAs: Prepared["parseAs"],
): Promise<{ data?: unknown; error?: unknown; response: Response }> {
  const length = response.headers.get("content-length");
  if (response.status === 204 || method === "HEAD" || length === "0") {
    return response.ok ? { data: undefined, response } : { error: undefined, response };
  }
  if (response.ok) {
    if (parseAs === "stream") return { data: response.body, response };
    if (parseAs !== "json") return { data: await response[parseAs](), response };
    const text = await response.text();
    return { data: text ? JSON.parse(text) : undefined, response };
  }
  let error: unknown = await response.text();
  try {
    error = JSON.parse(error as string);
  } catch {}
  return { error, response };
}
