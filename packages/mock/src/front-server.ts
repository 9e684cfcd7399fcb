import { randomUUID } from "node:crypto";
import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { corsHeaders } from "./cors-headers.js";
import { METHOD_NOT_ALLOWED, NOT_FOUND, type ValidationItem } from "./fastapi-errors.js";
import { emptyQueryValueErrors } from "./query-values.js";
import { decideBody } from "./request-body.js";
import { decodePath } from "./route-template.js";
import { allowedMethods, findOperation, type OperationModel } from "./spec-model.js";
import { validationErrorBody, violationsOf } from "./validation-error-body.js";
import { parseViolationsHeader, type Violation } from "./violations.js";

/**
 * Decides, per request, extra headers for Prism (the scenario's `Prefer`), and hears back the
 * status the caller was answered with.
 */
export type RequestDecorator = (request: {
  method: string;
  operation: OperationModel;
  params: Record<string, string>;
  headers: IncomingMessage["headers"];
}) => { headers: Record<string, string>; answered(status: number): void };

export interface FrontServerOptions {
  readonly host: string;
  readonly port: number;
  readonly operations: readonly OperationModel[];
  readonly decorate?: RequestDecorator | undefined;
  /** Hears the violations Prism reports in its `sl-violations` header, and those the front finds. */
  readonly onViolations: (violations: Violation[]) => void;
  /**
   * `mock`: answer as the FastAPI service does where Prism does not (bodies, 404/405, empty
   * query values, 422 bodies, `x-request-id`, `WWW-Authenticate`). `proxy`: bodies and answers
   * pass through untouched, because the upstream must get the YAML the client sent (Prism
   * forwards the body it validated, which would be the JSON) and its answers are what is checked.
   */
  readonly mode: "mock" | "proxy";
}

export interface FrontServer {
  readonly port: number;
  /** Starts forwarding to Prism (requests before this get 503). */
  connect(prismPort: number): void;
  close(): Promise<void>;
}

type Headers = Record<string, string | string[]>;

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

/** FastAPI's HTTPBearer: scheme `Bearer` (any case) and a non-empty credential. */
function hasBearer(authorization: string | undefined): boolean {
  return authorization !== undefined && /^bearer\s+\S/i.test(authorization);
}

/** The caller's own `x-request-id` when it is a plain token, else a fresh one. */
function requestIdOf(headers: IncomingMessage["headers"]): string {
  const given = headers["x-request-id"];
  return typeof given === "string" && /^[\x21-\x7e]{1,200}$/.test(given) ? given : randomUUID();
}

function sendJson(response: ServerResponse, status: number, headers: Headers, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...headers, "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The HTTP server users talk to. It sits in front of Prism to do what Prism cannot (read YAML
 * bodies, add a scenario's `Prefer` header, report violations) and to answer, in mock mode, as
 * the FastAPI service does where Prism answers otherwise. Everything else passes through
 * unchanged: method, path, headers (Authorization, Prefer...), status, body.
 */
export function startFrontServer(options: FrontServerOptions): Promise<FrontServer> {
  let prismPort: number | undefined;
  const mockMode = options.mode === "mock";
  // Idle sockets to Prism are dropped after 4 s, before Prism's 5 s keep-alive timeout: reusing
  // one Prism was closing gave a 502 (seen with pauses of 5.2, 4.9, 5 then 6 s between requests).
  const agent = new Agent({ keepAlive: true, timeout: 4000 });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    const url = new URL(target, "http://mock");
    const requestId = mockMode ? requestIdOf(request.headers) : undefined;
    const own: Headers = { ...corsHeaders(request.headers.origin), ...(requestId ? { "x-request-id": requestId } : {}) };
    const answer = (status: number, value: unknown, headers: Headers = {}) => {
      request.resume();
      sendJson(response, status, { ...own, ...headers }, value);
    };
    const report = (detail: ValidationItem[], status: number) => {
      if (detail.length > 0) options.onViolations(violationsOf(detail, { method, path: target, status }));
    };
    if (prismPort === undefined) return answer(503, { detail: "The mock is starting" });

    const pathname = decodePath(url.pathname);
    const found = findOperation(options.operations, method, pathname);
    const preflight = method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
    if (mockMode && !found && !preflight && method !== "HEAD") {
      const allowed = allowedMethods(options.operations, pathname);
      return allowed.length === 0 ? answer(404, NOT_FOUND) : answer(405, METHOD_NOT_ALLOWED, { allow: allowed.join(", ") });
    }

    const headers: Headers = { ...(request.headers as Headers), host: `127.0.0.1:${prismPort}` };
    const authorized = !found?.operation.secured || hasBearer(request.headers.authorization);
    let body: string | undefined;
    if (mockMode && found && found.operation.requestMediaTypes.length > 0 && hasBody(request)) {
      const decision = decideBody(found.operation, { method, contentType: request.headers["content-type"], authorized, text: await readText(request) });
      if (decision.kind === "reject") {
        report(decision.detail, 422);
        return answer(422, { detail: decision.detail });
      }
      body = decision.body;
      delete headers["transfer-encoding"];
      delete headers["content-type"];
      if (decision.contentType !== undefined) headers["content-type"] = decision.contentType;
      headers["content-length"] = String(Buffer.byteLength(body));
    }
    // FastAPI checks the token before the parameters: without one, Prism's 401 stands alone.
    const queryErrors = mockMode && found && authorized ? emptyQueryValueErrors(found.operation, url.searchParams) : [];
    const decoration = found && options.decorate?.({ method, ...found, headers: request.headers });
    Object.assign(headers, decoration?.headers);

    const upstream = forward({ host: "127.0.0.1", port: prismPort, method, path: target, headers, agent }, (prism) => {
      const prismStatus = prism.statusCode ?? 502;
      const header = prism.headers["sl-violations"];
      const violations = parseViolationsHeader(Array.isArray(header) ? header[0] : header, { method, path: target, status: prismStatus });
      const explained = mockMode && (prismStatus === 422 || queryErrors.length > 0) ? validationErrorBody(violations) : undefined;
      const detail = [...queryErrors, ...(explained?.detail ?? [])];
      const status = detail.length > 0 && prismStatus !== 401 ? 422 : prismStatus;
      decoration?.answered(status);
      if (violations.length > 0) options.onViolations(violations.map((violation) => ({ ...violation, status })));
      if (status === 422 && detail.length > 0) {
        report(queryErrors, status);
        prism.resume();
        const { "content-length": _length, "content-type": _type, "sl-violations": _found, ...kept } = prism.headers as Headers;
        return sendJson(response, status, { ...kept, ...own }, { detail });
      }
      const added = mockMode ? ["x-request-id", requestId as string, ...(status === 401 && !prism.headers["www-authenticate"] ? ["www-authenticate", "Bearer"] : [])] : [];
      response.writeHead(status, [...prism.rawHeaders, ...added]);
      prism.pipe(response);
    });
    // A client that goes away aborts the forwarded request too.
    response.once("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.once("error", (error) => {
      if (!response.headersSent) answer(502, { detail: `Prism did not answer: ${error.message}` });
      else response.destroy(error);
    });
    if (body !== undefined) upstream.end(body);
    else request.pipe(upstream);
  };

  const server = createServer({ keepAlive: true }, (request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) sendJson(response, 500, corsHeaders(request.headers.origin), { detail: error.message });
      else response.destroy(error);
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      const where = `port ${options.port} on ${options.host}`;
      const reason = error.code === "EADDRINUSE" ? `${where} is already in use` : `cannot listen on ${where}: ${error.message}`;
      reject(new Error(`Cannot start the mock: ${reason}`, { cause: error }));
    });
    server.listen(options.port, options.host, () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        connect(port) {
          prismPort = port;
        },
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
            agent.destroy();
          }),
      });
    });
  });
}
