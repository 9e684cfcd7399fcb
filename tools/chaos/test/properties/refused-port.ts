/// <reference types="node" />
import { createServer } from "node:net";

/**
 * A loopback port that refuses connections: bound by this process, noted, and closed again. Unlike
 * a well-known port such as 9 (which `fetch` blocks before connecting), a request there really is
 * refused by the operating system.
 */
export async function refusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
  return port;
}
