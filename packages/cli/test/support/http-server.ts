import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { onTestFinished } from "vitest";

/** One request the server got. */
export interface SeenRequest {
  method: string;
  path: string;
}

/** A handler's answer: a status and a JSON body, or `"hang"` to never answer. */
export type Answer = { status?: number; json?: unknown; body?: string; headers?: Record<string, string> } | "hang";

/**
 * A small HTTP server for one test: it answers each request with what `answer` returns, records
 * the requests, and is closed (hung requests and all) when the test finishes. For the faults
 * Prism cannot play: silence, malformed bodies, hostile text.
 */
export async function startTestServer(answer: (request: SeenRequest) => Answer): Promise<{ url: string; requests: SeenRequest[] }> {
  const requests: SeenRequest[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const seen = { method: request.method ?? "GET", path: request.url ?? "/" };
    requests.push(seen);
    request.resume();
    const reply = answer(seen);
    if (reply === "hang") return;
    const body = reply.body ?? JSON.stringify(reply.json ?? null);
    response.writeHead(reply.status ?? 200, { "content-type": "application/json", ...reply.headers });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/**
 * A URL where nothing listens: a port the system just gave out, noted, then closed. (Port 9 will
 * not do: fetch refuses it before connecting, so the test would never see a refused connection.)
 */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
