import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCountingHop, type CountingHop } from "./counting-hop.js";
import { planFault, type FaultKind } from "./fault-plan.js";
import { startFaultProxy, STREAM_HEADER, type FaultProxy } from "./fault-proxy.js";
import { jsonAnswer, listenLocally, readBody, send, type LocalServer } from "./http-forward.js";

const SEED = 11;
const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";

/** The first stream whose first request to `path` gets `kind` (plan searched, not hard-coded). */
function streamFor(kind: FaultKind, method: string, path: string): number {
  for (let stream = 1; stream < 10_000; stream++) {
    if (planFault({ seed: SEED, stream, index: 0, method, path }, { faultRate: 1 }).kind === kind) return stream;
  }
  throw new Error(`no stream gets ${kind}`);
}

let upstream: LocalServer;
let hop: CountingHop;
let proxy: FaultProxy;

beforeAll(async () => {
  const server = http.createServer(async (req, res) => {
    const body = await readBody(req);
    send(res, jsonAnswer(200, { method: req.method, url: req.url, received: body.toString("utf8") }));
  });
  upstream = await listenLocally(server);
  hop = await startCountingHop(upstream.url);
  proxy = await startFaultProxy({ upstream: hop.url, seed: SEED, faultRate: 1, slowMs: 30 });
});

afterAll(async () => {
  await proxy.close();
  await hop.close();
  await upstream.close();
});

function procure(kind: FaultKind, offerId: string) {
  return fetch(`${proxy.url}/procure_offer`, {
    method: "POST",
    headers: { "content-type": "application/json", [STREAM_HEADER]: String(streamFor(kind, "POST", "/procure_offer")) },
    body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA user@example" }),
  });
}

describe("fault proxy, faults answered without the mock", () => {
  it("answers 503 with a JSON detail", async () => {
    const res = await procure("status-503", "503-offer");
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ detail: "Service temporarily unavailable" });
    expect(hop.procuresByOffer.get("503-offer")).toBeUndefined();
  });

  it("answers 429 with a Retry-After of 0 or 1 second", async () => {
    const res = await procure("status-429", "429-offer");
    expect(res.status).toBe(429);
    expect(["0", "1"]).toContain(res.headers.get("retry-after"));
    await res.body?.cancel();
    expect(hop.procuresByOffer.get("429-offer")).toBeUndefined();
  });

  it("answers an HTML error page, as a gateway would", async () => {
    const res = await procure("html-error", "html-offer");
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("text/html");
    expect(await res.text()).toContain("<h1>502 Bad Gateway</h1>");
    expect(hop.procuresByOffer.get("html-offer")).toBeUndefined();
  });

  it("resets the connection before anything is forwarded", async () => {
    await expect(procure("reset-before", "reset-before-offer")).rejects.toThrow(TypeError);
    expect(hop.procuresByOffer.get("reset-before-offer")).toBeUndefined();
  });
});

describe("fault proxy, faults applied after the mock acted", () => {
  it("resets the connection halfway through the answer", async () => {
    await expect(procure("reset-after", "reset-after-offer").then((res) => res.text())).rejects.toThrow(TypeError);
    expect(hop.procuresByOffer.get("reset-after-offer")).toBe(1);
  });

  it("sends a well-formed message whose JSON body stops halfway", async () => {
    const res = await procure("truncated-json", "truncated-offer");
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
    expect(hop.procuresByOffer.get("truncated-offer")).toBe(1);
  });

  it("holds a slow answer back, then delivers it intact", async () => {
    const res = await procure("slow", "slow-offer");
    expect((await res.json()) as { url: string }).toMatchObject({ url: "/procure_offer" });
    expect(hop.procuresByOffer.get("slow-offer")).toBe(1);
  });

  it("drops a held-back answer as soon as its client gives up", async () => {
    const patient = await startFaultProxy({ upstream: hop.url, seed: SEED, faultRate: 1, slowMs: 600_000 });
    const controller = new AbortController();
    const stream = String(streamFor("slow", "GET", "/available_gpus"));
    const pending = fetch(`${patient.url}/available_gpus`, { headers: { [STREAM_HEADER]: stream }, signal: controller.signal });
    while (patient.heldBackCount() === 0) await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    await expect(pending).rejects.toThrow(/abort/i);
    while (patient.heldBackCount() > 0) await new Promise((resolve) => setImmediate(resolve));
    await patient.close();
  });
});

describe("fault proxy bookkeeping", () => {
  it("counts what it injected, by kind", () => {
    expect(proxy.injected["status-503"]).toBeGreaterThanOrEqual(1);
    expect(proxy.injected["reset-after"]).toBeGreaterThanOrEqual(1);
    const total = Object.values(proxy.injected).reduce((a, b) => a + b, 0);
    expect(total).toBe(proxy.requestCount());
  });

  it("forwards query strings and bodies unchanged when it injects nothing", async () => {
    const quiet = await startFaultProxy({ upstream: hop.url, seed: SEED, faultRate: 0 });
    try {
      const res = await fetch(`${quiet.url}/resources?offer_id=${OFFER_ID}`);
      expect(await res.json()).toEqual({ method: "GET", url: `/resources?offer_id=${OFFER_ID}`, received: "" });
    } finally {
      await quiet.close();
    }
  });
});
