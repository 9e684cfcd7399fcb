import type { IncomingRequest } from "./dispatch.js";

/**
 * Reads what `fetch(input, init)` would send. A URL or string with a string body (or none) is read
 * directly, as fetch would send it (a string body without a content type is text/plain); anything
 * else goes through a real Request, which knows every body type.
 */
export async function readRequest(input: RequestInfo | URL, init: RequestInit | undefined): Promise<IncomingRequest> {
  const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
  signal?.throwIfAborted();
  const simple = !(input instanceof Request) && (init?.body === undefined || init.body === null || typeof init.body === "string");
  if (simple) {
    const headers = lowerCaseHeaders(init?.headers);
    const body = (init?.body as string | null | undefined) ?? "";
    if (typeof init?.body === "string" && headers["content-type"] === undefined) headers["content-type"] = "text/plain;charset=UTF-8";
    return { method: (init?.method ?? "GET").toUpperCase(), url: new URL(String(input)), headers, body };
  }
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  const body = request.body === null ? "" : await request.text();
  signal?.throwIfAborted();
  return { method: request.method.toUpperCase(), url: new URL(request.url), headers: lowerCaseHeaders(request.headers), body };
}

function lowerCaseHeaders(headers: HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (headers === undefined) return out;
  const add = (name: string, value: string): void => {
    const key = name.toLowerCase();
    out[key] = out[key] === undefined ? value : `${out[key]}, ${value}`;
  };
  if (headers instanceof Headers) headers.forEach((value, name) => add(name, value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) add(name!, value!);
  else for (const [name, value] of Object.entries(headers)) add(name, value);
  return out;
}

