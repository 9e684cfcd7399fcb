/**
 * A pass-through server placed directly in front of the simulator: what it counts is what reached
 * it, whatever the fault proxy before it did to the answer afterwards (reset, truncation, delay).
 */
import http from "node:http";
import { forward, jsonAnswer, listenLocally, readBody, send, type LocalServer } from "./http-forward.js";

export interface CountingHop extends LocalServer {
  /** `POST /procure_offer` requests received, by the `offer_id` of their body. */
  readonly procuresByOffer: ReadonlyMap<string, number>;
  /** Every request received. */
  readonly requestCount: () => number;
}

export async function startCountingHop(upstreamUrl: string): Promise<CountingHop> {
  const upstream = new URL(upstreamUrl);
  const agent = new http.Agent({ keepAlive: true });
  const procuresByOffer = new Map<string, number>();
  let requests = 0;

  const server = http.createServer(async (req, res) => {
    requests += 1;
    try {
      const body = await readBody(req);
      if (req.method === "POST" && new URL(req.url ?? "/", upstream).pathname === "/procure_offer") {
        const offerId = offerIdOf(body);
        procuresByOffer.set(offerId, (procuresByOffer.get(offerId) ?? 0) + 1);
      }
      send(res, await forward(upstream, agent, req, body));
    } catch (error) {
      if (!res.headersSent && !res.destroyed) send(res, jsonAnswer(502, { detail: `counting hop: ${String(error)}` }));
    }
  });
  const local = await listenLocally(server, () => agent.destroy());
  return { ...local, procuresByOffer, requestCount: () => requests };
}

function offerIdOf(body: Buffer): string {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as { offer_id?: unknown };
    return typeof parsed.offer_id === "string" ? parsed.offer_id : "<no offer_id>";
  } catch {
    return "<not JSON>";
  }
}
