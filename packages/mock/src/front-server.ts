import { Agent, createServer, request as forward, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { findOperation, type OperationModel } from "./spec-model.js";
import { isYamlMediaType, mediaTypeEssence, yamlBodyToJson } from "./yaml-body.js";

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

/** Sees every answer Prism gives, with its headers (for the proxy's violations). */
export type ResponseObserver = (request: { method: string; path: string }, response: IncomingMessage) => void;

export interface FrontServerOptions {
  readonly host: string;
  readonly port: number;
  readonly operations: readonly OperationModel[];
  readonly decorate?: RequestDecorator;
  readonly observe?: ResponseObserver;
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

/** Answers like Prism's own errors do (problem+json); `detail` also fits the API's ErrorResponse. */
function sendProblem(response: ServerResponse, status: number, title: string, detail: string): void {
  const body = JSON.stringify({ type: "about:blank", title, status, detail });
  response.writeHead(status, { "content-type": "application/problem+json", "content-length": Buffer.byteLength(body) });
  response.end(body);
}

async function readText(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * The HTTP server users talk to. It sits in front of Prism to do what Prism cannot:
 * read YAML bodies (turned into JSON for Prism to validate), answer 415 for undeclared body
 * media types (Prism would answer the operation's 422 example instead), and add a scenario's
 * `Prefer` header. Everything else passes through unchanged, status, headers and body.
 */
export function startFrontServer(options: FrontServerOptions): Promise<FrontServer> {
  let prismPort: number | undefined;
  const agent = new Agent({ keepAlive: true });

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (prismPort === undefined) return sendProblem(response, 503, "Service Unavailable", "The mock is starting");
    const method = request.method ?? "GET";
    const target = request.url ?? "/";
    const pathname = new URL(target, "http://mock").pathname;
    const found = findOperation(options.operations, method, pathname);
    const headers = { ...request.headers };
    let body: string | undefined;

    const mediaType = mediaTypeEssence(request.headers["content-type"]);
    if (found && hasBody(request) && mediaType && found.operation.requestMediaTypes.length > 0) {
      if (!found.operation.requestMediaTypes.includes(mediaType)) {
        request.resume();
        const accepted = found.operation.requestMediaTypes.join(", ");
        return sendProblem(response, 415, "Unsupported Media Type", `${method} ${found.operation.route.template} accepts ${accepted}, not ${mediaType}`);
      }
      if (isYamlMediaType(mediaType)) {
        const converted = yamlBodyToJson(await readText(request));
        if (!converted.ok) return sendProblem(response, 400, "Malformed YAML body", converted.error);
        body = converted.json;
        headers["content-type"] = "application/json";
        headers["content-length"] = String(Buffer.byteLength(body));
        delete headers["transfer-encoding"];
      }
    }
    const decoration = found && options.decorate?.({ method, ...found, headers: request.headers });
    Object.assign(headers, decoration?.headers);
    headers.host = `127.0.0.1:${prismPort}`;

    const upstream = forward({ host: "127.0.0.1", port: prismPort, method, path: target, headers, agent }, (answer) => {
      decoration?.answered(answer.statusCode ?? 502);
      options.observe?.({ method, path: target }, answer);
      response.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
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
    if (body !== undefined) upstream.end(body);
    else request.pipe(upstream);
  };

  const server: Server = createServer({ keepAlive: true }, (request, response) => {
    handle(request, response).catch((error: Error) => {
      if (!response.headersSent) sendProblem(response, 500, "Internal Server Error", error.message);
      else response.destroy(error);
    });
  });

  return new Promise((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Cannot start the mock: port ${options.port} on ${options.host} is already in use`, { cause: error }));
      } else reject(new Error(`Cannot start the mock on ${options.host}:${options.port}: ${error.message}`, { cause: error }));
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
