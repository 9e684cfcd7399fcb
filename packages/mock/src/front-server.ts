import { Agent, createServer, request as forward, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { decideBody } from "./request-body.js";
import { findOperation, type OperationModel } from "./spec-model.js";
import { validationErrorBody } from "./validation-error-body.js";
import { parseViolationsHeader, type Violation } from "./violations.js";

/**
 * Decides, per request, extra headers for Prism (the scenario's `Prefer`), and hears back the
 * status Prism answered with.
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
  /** Hears the violations Prism reports in its `sl-violations` header. */
  readonly onViolations: (violations: Violation[]) => void;
  /**
   * `mock`: read YAML bodies, answer 415/400, explain Prism's 422s. `proxy`: bodies and answers
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

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers["content-length"];
  return request.headers["transfer-encoding"] !== undefined || (length !== undefined && length !== "0");
}

function sendJson(response: ServerResponse, status: number, headers: Record<string, string | string[]>, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { ...headers, "content-length": String(Buffer.byteLength(body)) });
  response.end(body);
}

/** Answers like Prism's own errors do (problem+json); `detail` also fits the API's ErrorResponse. */
function sendProblem(response: ServerResponse, status: number, title: string, detail: string): void {
  sendJson(response, status, { "content-type": "application/problem+json" }, { type: "about:blank", title, status, detail });
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The HTTP server users talk to. It sits in front of Prism to do what Prism cannot:
 * read YAML bodies, answer 415 for undeclared body media types, add a scenario's `Prefer`
 * header, report violations and explain 422s. Everything else passes through unchanged:
 * method, path, headers (Authorization, Prefer...), status, body.
 */
export function startFrontServer(options: FrontServerOptions): Promise<FrontServer> {
  let prismPort: number | undefined;
  // Idle sockets to Prism are dropped after 4 s, before Prism's 5 s keep-alive timeout: reusing
  // one Prism was closing gave a 502 (seen with pauses of 5.2, 4.9, 5 then 6 s between requests).
  const agent = new Agent({ keepAlive: true, timeout: 4000 });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (prismPort === undefined) return sendProblem(response, 503, "Service Unavailable", "The mock is starting");
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    const found = findOperation(options.operations, method, new URL(target, "http://mock").pathname);
    const headers = { ...request.headers, host: `127.0.0.1:${prismPort}` };

    const decision =
      found && hasBody(request) && options.mode === "mock"
        ? await decideBody(method, found.operation, request.headers["content-type"], () => readText(request))
        : { kind: "as-is" as const };
    if (decision.kind === "problem") {
      request.resume();
      return sendProblem(response, decision.status, decision.title, decision.detail);
    }
    if (decision.kind === "json") {
      delete headers["transfer-encoding"];
      Object.assign(headers, { "content-type": "application/json", "content-length": String(Buffer.byteLength(decision.json)) });
    }
    const decoration = found && options.decorate?.({ method, ...found, headers: request.headers });
    Object.assign(headers, decoration?.headers);

    const upstream = forward({ host: "127.0.0.1", port: prismPort, method, path: target, headers, agent }, (answer) => {
      const status = answer.statusCode ?? 502;
      decoration?.answered(status);
      const header = answer.headers["sl-violations"];
      const violations = parseViolationsHeader(Array.isArray(header) ? header[0] : header, { method, path: target, status });
      if (violations.length > 0) options.onViolations(violations);
      const explained = options.mode === "mock" && status === 422 ? validationErrorBody(violations) : undefined;
      if (explained) {
        answer.resume();
        const { "content-length": _length, "content-type": _type, ...kept } = answer.headers as Record<string, string | string[]>;
        return sendJson(response, status, { ...kept, "content-type": "application/json" }, explained);
      }
      response.writeHead(status, answer.rawHeaders);
      answer.pipe(response);
    });
    // A client that goes away aborts the forwarded request too.
    response.once("close", () => {
      if (!response.writableFinished) upstream.destroy();
    });
    upstream.once("error", (error) => {
      if (!response.headersSent) sendProblem(response, 502, "Bad Gateway", `Prism did not answer: ${error.message}`);
      else response.destroy(error);
    });
    if (decision.kind === "json") upstream.end(decision.json);
    else request.pipe(upstream);
  };

  const server = createServer({ keepAlive: true }, (request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) sendProblem(response, 500, "Internal Server Error", error.message);
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
