import { detail, invalid, type Answer } from "./answer.js";
import { checkBearer } from "./auth.js";
import { corsHeaders, isPreflight, preflight } from "./cors.js";
import type { FaultQueue } from "./faults.js";
import { handlers } from "./handlers.js";
import { readJsonBody } from "./request-body.js";
import { matchRoute, type Route } from "./routes.js";
import { validate, type ValidationIssue } from "./validate.js";
import type { World } from "./world.js";
import { parseYamlBody } from "./yaml-body.js";

/** A request as the simulator sees it, from fetch, Node's http or MSW alike. */
export interface IncomingRequest {
  method: string;
  url: URL;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string;
}

export interface DispatchContext {
  world: World;
  faults: FaultQueue;
  token: string | undefined;
  nextRequestId: () => string;
}

/**
 * Answers one request as the service would: preflight, routing (404/405), injected fault,
 * body parsing, bearer auth, validation (422), then the operation. Every answer carries
 * `x-request-id` and the CORS headers.
 */
export function dispatch(ctx: DispatchContext, req: IncomingRequest): Answer & { requestId: string } {
  const requestId = ownRequestId(req.headers["x-request-id"]) ?? ctx.nextRequestId();
  let answer: Answer;
  try {
    answer = route(ctx, req);
  } catch {
    // A bug, not a behaviour: answered as Starlette answers an unhandled exception.
    answer = { status: 500, headers: { "content-type": "text/plain; charset=utf-8" }, body: "Internal Server Error" };
  }
  answer.headers = { ...answer.headers, ...corsHeaders(req.headers.origin), "x-request-id": requestId };
  return { ...answer, requestId };
}

function ownRequestId(value: string | undefined): string | undefined {
  return value !== undefined && /^[\x21-\x7e]{1,200}$/.test(value) ? value : undefined;
}

function route(ctx: DispatchContext, req: IncomingRequest): Answer {
  if (isPreflight(req.method, req.headers)) return preflight(req.headers);
  const match = matchRoute(req.method, req.url.pathname);
  if (match.kind === "not-found") return slashRedirect(req) ?? detail(404, "Not Found");
  if (match.kind === "method-not-allowed") return detail(405, "Method Not Allowed", { allow: match.allow.join(", ") });
  const { route: op, pathParams } = match;
  const fault = ctx.faults.take(`${op.method} ${op.path}`);
  if (fault) return detail(fault.status, fault.message, fault.headers);

  let body: unknown;
  const issues: ValidationIssue[] = [];
  const isJson = op.requestBody?.contentType === "application/json";
  if (isJson) {
    const read = readJsonBody(req.body, req.headers["content-type"]);
    if (!read.ok) return invalid([read.issue]);
    body = read.value;
  }
  if (op.secured) {
    const refusal = checkBearer(req.headers.authorization, ctx.token);
    if (refusal) return refusal;
  }
  if (op.requestBody && !isJson) {
    const read = parseYamlBody(req.body);
    if (!read.ok) return invalid([read.issue]);
    body = read.value;
  }

  const path = params(op, "path", pathParams, issues);
  const query = params(op, "query", lastValues(req.url.searchParams), issues);
  if (op.requestBody) {
    if (body === undefined || body === null) {
      if (op.requestBody.required) issues.push({ type: "missing", loc: ["body"], msg: "Field required" });
    } else {
      const checked = validate(op.requestBody.schema, body, ["body"]);
      if (checked.ok) body = checked.value;
      else issues.push(...checked.issues);
    }
  }
  if (issues.length > 0) return invalid(issues);
  return handlers[op.operationId]({ world: ctx.world, path, query, body });
}

/**
 * Starlette's redirect_slashes: a path that matches only with (or without) a trailing slash is a
 * 307 to the other form. The Location is relative, so it is right whatever host the client used.
 */
function slashRedirect(req: IncomingRequest): Answer | undefined {
  const path = req.url.pathname;
  if (path === "/") return undefined;
  const other = path.endsWith("/") ? path.replace(/\/+$/, "") : `${path}/`;
  if (other === "" || matchRoute(req.method, other).kind === "not-found") return undefined;
  return { status: 307, headers: { location: `${other}${req.url.search}` }, body: "" };
}

// Starlette's query_params keep the last of repeated names.
function lastValues(search: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of search) out[key] = value;
  return out;
}

function params(op: Route, location: "path" | "query", values: Record<string, string>, issues: ValidationIssue[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of op.parameters) {
    if (p.in !== location) continue;
    if (!Object.hasOwn(values, p.name)) {
      if (p.required) issues.push({ type: "missing", loc: [location, p.name], msg: "Field required" });
      else if (p.schema.default !== undefined) out[p.name] = p.schema.default;
      continue;
    }
    const checked = validate(p.schema, values[p.name], [location, p.name]);
    if (checked.ok) out[p.name] = checked.value;
    else issues.push(...checked.issues);
  }
  return out;
}
