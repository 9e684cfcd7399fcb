import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** A server that never answers, for per-attempt timeouts. */
export interface HangServer {
  url: string;
  /** Requests received (preflights excluded). */
  readonly received: number;
  /** Of those, how many the client cancelled (closed the connection). */
  readonly cancelled: number;
  /** Resolves once every request received so far has been cancelled by its client. */
  allCancelled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Answers CORS preflights (so a browser sends the real request) and holds every other request
 * open forever: only the client's own timeout can end it. Counts what the clients cancelled, so a
 * runtime that leaves the socket open after a timeout shows.
 */
export async function startHangServer(): Promise<HangServer> {
  let received = 0;
  let cancelled = 0;
  const sockets = new Set<Socket>();
  let waiters: (() => void)[] = [];
  const settle = () => {
    if (cancelled < received) return;
    for (const wake of waiters) wake();
    waiters = [];
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
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get received() {
      return received;
    },
    get cancelled() {
      return cancelled;
    },
    allCancelled: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        settle();
      }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
