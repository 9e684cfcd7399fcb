/**
 * The plumbing both local servers share: read a request body, replay the request upstream over
 * a keep-alive agent, write an answer back. Bodies here are small JSON/YAML, so they are buffered.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Answer {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

/** Connection-level headers: they describe one hop, never the message. */
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "host", "upgrade"]);

function endToEndHeaders(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Sends `req` (whose body was already read) to `upstream` and buffers the answer. */
export function forward(upstream: URL, agent: http.Agent, req: http.IncomingMessage, body: Buffer): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      new URL(req.url ?? "/", upstream),
      { method: req.method, agent, headers: { ...endToEndHeaders(req.headers), "content-length": body.length } },
      (res) => {
        readBody(res).then(
          (answerBody) => resolve({ status: res.statusCode ?? 502, headers: endToEndHeaders(res.headers), body: answerBody }),
          reject,
        );
      },
    );
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

export function send(res: http.ServerResponse, answer: Answer): void {
  res.writeHead(answer.status, { ...answer.headers, "content-length": answer.body.length });
  res.end(answer.body);
}

export function jsonAnswer(status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}): Answer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: Buffer.from(JSON.stringify(value)) };
}

/** A server on a free loopback port, and how to stop it with every socket it holds. */
export interface LocalServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function listenLocally(server: http.Server, onClose: () => void = () => {}): Promise<LocalServer> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    close() {
      closed ??= new Promise<void>((resolve) => {
        onClose();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
