import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A server that never answers, for per-attempt timeouts. */
export interface HangServer {
  url: string;
  close(): Promise<void>;
}

/**
 * `GET <url>/__settled` answers (204) once every request received so far has been cancelled by
 * its client: a runtime that leaves a timed-out request's socket open never gets that answer.
 * It is an HTTP endpoint because the tests that ask run in other processes than this server.
 */
export const settledPath = "/__settled";

/**
 * Answers CORS preflights (so a browser sends the real request) and holds every other request
 * open forever: only the client's own timeout can end it.
 */
export async function startHangServer(): Promise<HangServer> {
  let received = 0;
  let cancelled = 0;
  const sockets = new Set<Socket>();
  let waiting: ServerResponse[] = [];
  const settle = () => {
    if (cancelled < received) return;
    for (const response of waiting) response.writeHead(204).end();
    waiting = [];
  };
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (request.method === "OPTIONS") {
      response.writeHead(204, {
        "access-control-allow-origin": request.headers.origin ?? "*",
        "access-control-allow-methods": request.headers["access-control-request-method"] ?? "GET",
        "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "*",
      });
      return response.end();
    }
    if (request.url === settledPath) {
      waiting.push(response);
      return settle();
    }
    received += 1;
    response.on("close", () => {
      cancelled += 1;
      settle();
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** Resolves once the hang server at `url` has seen every request it received cancelled by its client. */
export async function hangRequestsCancelled(url: string): Promise<void> {
  const answer = await fetch(`${url}${settledPath}`);
  if (answer.status !== 204) throw new Error(`${url}${settledPath} answered ${answer.status}`);
}
