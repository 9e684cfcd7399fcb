/**
 * `@cdesk/simulator/node`: the simulator on a real port, for clients that cannot take a `fetch`
 * (other languages, the CLI, a browser page).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { IncomingRequest } from "./dispatch.js";
import type { SimulatorOptions } from "./options.js";
import { answerRaw, createSimulator as createInProcess, type Simulator } from "./simulator.js";

export * from "./index.js";

/** Options of `listen()`. */
export interface ListenOptions {
  /**
   * The port; 0 picks a free one (read it from `server.url`).
   * @default 0
   * @example await sim.listen({ port: 4010 })
   */
  port?: number;
  /**
   * The interface to bind.
   * @default "127.0.0.1"
   * @example await sim.listen({ host: "0.0.0.0" }) // reachable from containers
   */
  host?: string;
}

/** A running simulator server. */
export interface SimulatorServer {
  /** Its base URL, e.g. "http://127.0.0.1:4010". */
  readonly url: string;
  /** Stops accepting requests, ends open connections and resolves once the port is free. */
  close(): Promise<void>;
}

/** A simulator that can also listen on a port. */
export interface NodeSimulator extends Simulator {
  /** Serves this simulator's state over HTTP. */
  listen(options?: ListenOptions): Promise<SimulatorServer>;
}

/**
 * `createSimulator` of the main entry, plus `listen()`.
 * @example
 * const sim = createSimulator({ clock: "manual" });
 * const server = await sim.listen({ port: 0 });
 * // ... point any HTTP client at server.url ...
 * await server.close();
 */
export function createSimulator(options?: SimulatorOptions): NodeSimulator {
  const sim = createInProcess(options) as NodeSimulator;
  sim.listen = (listenOptions) => listen(sim, listenOptions);
  return sim;
}

// Requests larger than this are refused (413) rather than buffered: the largest valid body, a
// procure with a 64 KiB cloud-init, is far smaller.
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Serves any simulator over HTTP (what `sim.listen()` calls), e.g. one made by the main entry.
 * @example
 * import { createSimulator } from "@cdesk/simulator";
 * import { listen } from "@cdesk/simulator/node";
 * const server = await listen(createSimulator(), { port: 4010 });
 */
export function listen(sim: Simulator, options: ListenOptions = {}): Promise<SimulatorServer> {
  const server = createServer((req, res) => {
    void serve(sim, req, res);
  });
  server.keepAliveTimeout = 1000;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      const { address, port } = server.address() as AddressInfo;
      const host = address.includes(":") ? `[${address}]` : address;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function serve(sim: Simulator, req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    const body = await readBody(req);
    if (body === undefined) {
      res.writeHead(413, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Request body too large" }));
      return;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(", ") : value;
    }
    const incoming: IncomingRequest = { method: (req.method ?? "GET").toUpperCase(), url: requestUrl(req.url), headers, body };
    const answer = answerRaw(sim, incoming);
    const reply = incoming.method === "HEAD" ? "" : answer.body;
    res.writeHead(answer.status, { ...answer.headers, "content-length": String(Buffer.byteLength(reply)) }).end(reply);
  } catch {
    if (!res.headersSent) res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ detail: "Bad Request" }));
    else res.destroy();
  }
}

// The request target as sent: "//x" stays a path (new URL("//x", base) would make it a host).
function requestUrl(target: string | undefined): URL {
  const path = target?.startsWith("/") ? target : `/${target ?? ""}`;
  return new URL(`http://simulator${path}`);
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners("data");
        req.resume();
        resolve(undefined);
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}
