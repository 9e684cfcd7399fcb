/**
 * A `fetch` that never leaves the process: it reads the request body as a server would, and
 * answers from answers.ts. Timing clients against it isolates what each client itself costs.
 */
import { route } from "./answers.js";

export async function memoryFetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  if (request.body !== null) await request.arrayBuffer();
  const [status, body] = route(request.method, new URL(request.url).pathname);
  return new Response(body, { status, headers: { "content-type": "application/json", "content-length": String(body.length) } });
}
