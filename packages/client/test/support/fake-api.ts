/**
 * An injected `fetch` that answers from a script, records what it was sent, and a client wired to it.
 * Unit tests use it instead of a server, so they run without sockets or real waiting.
 */
import { afterEach, beforeEach, expect, vi } from "vitest";
import { createCdeskClient, type CdeskClientOptions, type CdeskLogger, type FetchInit } from "../../src/index.js";

export const TOKEN = "cd_test_S3CR3T-token-value";
export const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";

export type Answer = Response | Error | ((request: Request, signal: AbortSignal) => Response | Promise<Response>);

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
}

export function text(body: string, status: number, contentType = "text/html"): Response {
  return new Response(body, { status, headers: { "content-type": contentType } });
}

/**
 * A 200 whose body breaks off after its first bytes, as undici reports a connection reset
 * mid-body: `TypeError("terminated")` with the socket error as cause.
 */
export function brokenBody(): Response {
  const reset = new TypeError("terminated", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) });
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"offers": [{"offer_id": '));
      controller.error(reset);
    },
  });
  return new Response(body, { headers: { "content-type": "application/json" } });
}

/** A well-formed 200 whose JSON stops halfway (a proxy that cut it and closed cleanly). */
export function truncatedJson(): Response {
  return text('{"offers": [{"offer_id": "3f6c', 200, "application/json");
}

/** A fetch failure as Node reports it: `TypeError("fetch failed")` with the socket error as cause. */
export function networkError(code = "ECONNRESET"): TypeError {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(`connect ${code}`), { code }) });
}

/** Never answers; settles only when its signal aborts (like a real fetch to a silent server). */
export const hang = (_request: Request, signal: AbortSignal): Promise<Response> =>
  new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason)));

/**
 * Answers in order; the last answer repeats. `requests` holds what was sent, bodies read as text.
 * Called as the client calls fetch, `fetch(url, init)`; the `Request` a real fetch would build from
 * them is what the answers see.
 */
export function scriptedFetch(...answers: Answer[]) {
  const requests: { method: string; url: string; headers: Headers; body: string }[] = [];
  const fetch = vi.fn(async (url: string, init: FetchInit) => {
    const request = new Request(url, init);
    const { signal } = init;
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: request.body ? await request.text() : "",
    });
    const answer = answers[Math.min(requests.length - 1, answers.length - 1)]!;
    if (answer instanceof Error) throw answer;
    if (typeof answer === "function") return answer(request, signal);
    return answer.clone();
  });
  return { fetch, requests };
}

/** Collects log lines by severity. */
export function memoryLogger() {
  const lines: string[] = [];
  const logger: CdeskLogger = {
    debug: (line) => lines.push(`debug ${line}`),
    info: (line) => lines.push(`info ${line}`),
    warn: (line) => lines.push(`warn ${line}`),
    error: (line) => lines.push(`error ${line}`),
  };
  return { logger, lines };
}

/** A client on a scripted fetch, token set, logging off unless asked. */
export function fakeClient(answers: Answer[], options: CdeskClientOptions = {}) {
  const scripted = scriptedFetch(...answers);
  const client = createCdeskClient({ token: TOKEN, logLevel: "off", fetch: scripted.fetch, ...options });
  return { client, ...scripted };
}

/** The smallest body of the shape each operation promises (its required fields). */
export const BODIES = {
  "GET /available_gpus": { H100: ["nvidia-h100-sxm5-80gb"] },
  "GET /available_vendors": ["nebius"],
  "GET /available_regions": ["EU"],
  "GET /available_contracts": ["ondemand"],
  "GET /available_storage": [],
  "POST /get_offers": { offers: [] },
  "GET /offers/{offer_id}": {
    offer_id: OFFER_ID,
    gpu_type: "nvidia-h100-sxm5-80gb",
    gpu_family: "H100",
    gpu_count: 1,
    vendor: "nebius",
    region: "EU",
    status: "available",
    created_at: "2026-11-29T10:00:00Z",
  },
  "GET /offers/{offer_id}/status": { procurement_status: "ready", instances: [] },
  "POST /procure_offer": { offer_id: OFFER_ID, status: "provisioning_in_progress" },
  "GET /resources": [],
  "GET /resources/{resource_id}": { resource_id: RESOURCE_ID, resource_type: "vm", vendor: "nebius" },
  "DELETE /resources/{resource_id}": { resource_id: RESOURCE_ID, status: "deleting", message: "Deletion started" },
} as const;

/** `METHOD /path/template` of a request, from the templates above. */
export function operationOf(request: Request): keyof typeof BODIES {
  const { pathname } = new URL(request.url);
  const key = (Object.keys(BODIES) as (keyof typeof BODIES)[]).find((candidate) => {
    const [method, template] = candidate.split(" ") as [string, string];
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    return method === request.method && pattern.test(pathname);
  });
  if (!key) throw new Error(`no such operation: ${request.method} ${pathname}`);
  return key;
}

/** Answers any operation with its smallest valid body (where the body's content does not matter). */
export const valid = (request: Request): Response => json(BODIES[operationOf(request)]);

/**
 * Fake timers for every test of the calling file, jitter drawn as 0 (back-off waits are exactly
 * 500, 1000, 2000 ms), and no timer left behind after any test.
 */
export function useFakeTime(): void {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(Math, "random").mockReturnValue(0);
  });
  afterEach(() => {
    expect(vi.getTimerCount()).toBe(0);
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** The outcome of a call, with every timer it sets (back-off waits) run in fake time. */
export async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  const settled = promise.then((value) => ({ value }), (error: unknown) => ({ error }));
  await vi.runAllTimersAsync();
  return settled;
}
