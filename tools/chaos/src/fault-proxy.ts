/**
 * A local HTTP proxy that breaks some requests on purpose, by the seeded plan in `fault-plan.ts`,
 * and counts what it injected. Requests carry their lifecycle in `x-chaos-stream`, so the plan
 * stays reproducible while lifecycles run concurrently.
 */
import http from "node:http";
import { FAULT_KINDS, planFault, reachesUpstream, type Fault, type FaultKind, type FaultPlanOptions } from "./fault-plan.js";
import { forward, jsonAnswer, listenLocally, readBody, send, type Answer, type LocalServer } from "./http-forward.js";

export const STREAM_HEADER = "x-chaos-stream";

export interface FaultProxyOptions extends FaultPlanOptions {
  /** Where healthy requests go (the counting hop in front of the simulator). */
  upstream: string;
  seed: number;
  /**
   * How long a `slow` answer is held back; make it longer than the client's `timeoutMs`.
   * @default 400
   * @example { slowMs: 1_000 }
   */
  slowMs?: number;
}

export interface FaultProxy extends LocalServer {
  /** Faults injected so far, by kind. */
  readonly injected: Readonly<Record<FaultKind, number>>;
  /** Requests received so far. */
  readonly requestCount: () => number;
  /** `slow` answers still held back (their timers are cleared when the client leaves or on close). */
  readonly heldBackCount: () => number;
}

const HTML_ERROR_PAGE = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>";

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const agent = new http.Agent({ keepAlive: true });
  const slowMs = options.slowMs ?? 400;
  const injected = Object.fromEntries(FAULT_KINDS.map((kind) => [kind, 0])) as Record<FaultKind, number>;
  const nextIndexByStream = new Map<number, number>();
  const heldBack = new Set<NodeJS.Timeout>();
  let requests = 0;

  function faultFor(req: http.IncomingMessage): Fault {
    const stream = Number(req.headers[STREAM_HEADER] ?? 0) || 0;
    const index = nextIndexByStream.get(stream) ?? 0;
    nextIndexByStream.set(stream, index + 1);
    const path = new URL(req.url ?? "/", upstream).pathname;
    return planFault({ seed: options.seed, stream, index, method: req.method ?? "GET", path }, options);
  }

  const server = http.createServer(async (req, res) => {
    requests += 1;
    const fault = faultFor(req);
    if (fault.kind !== "none") injected[fault.kind] += 1;
    try {
      const body = await readBody(req);
      if (!reachesUpstream(fault)) return answerAlone(fault, req, res);
      const answer = await forward(upstream, agent, req, body);
      if (fault.kind === "none") return send(res, answer);
      spoil(fault.kind, answer, req, res);
    } catch (error) {
      if (!res.headersSent && !res.destroyed) send(res, jsonAnswer(502, { detail: `fault proxy: ${String(error)}` }));
    }
  });

  const local = await listenLocally(server, () => {
    for (const timer of heldBack) clearTimeout(timer);
    agent.destroy();
  });
  return { ...local, injected, requestCount: () => requests, heldBackCount: () => heldBack.size };

  function spoil(kind: FaultKind, answer: Answer, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (kind === "truncated-json") {
      // A well-formed HTTP message whose JSON body stops halfway: the client must not trust it.
      const cut = answer.body.subarray(0, Math.floor(answer.body.length / 2));
      return send(res, { ...answer, body: cut });
    }
    if (kind === "reset-after") {
      // Headers and part of the body go out, then the connection dies mid-message.
      res.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
      res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)), () => req.socket.destroy());
      return;
    }
    // `slow`: the simulator has answered, but the answer arrives after the client gave up.
    const timer = setTimeout(() => {
      heldBack.delete(timer);
      if (!res.destroyed) send(res, answer);
    }, slowMs);
    heldBack.add(timer);
    res.on("close", () => {
      clearTimeout(timer);
      heldBack.delete(timer);
    });
  }
}

function answerAlone(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
  switch (fault.kind) {
    case "status-503":
      return send(res, jsonAnswer(503, { detail: "Service temporarily unavailable" }));
    case "status-429":
      return send(res, jsonAnswer(429, { detail: "Too many requests" }, { "retry-after": String(fault.retryAfterSeconds) }));
    case "html-error":
      return send(res, { status: 502, headers: { "content-type": "text/html" }, body: Buffer.from(HTML_ERROR_PAGE) });
    default:
      req.socket.destroy();
  }
}
