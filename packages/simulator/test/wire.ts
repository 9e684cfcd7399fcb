// Small helpers for the tests: one call of the simulator's fetch, answered as status + JSON body.
import type { Simulator } from "../src/index.js";

export const TOKEN_HEADERS = { authorization: "Bearer test-token" };

export interface Reply {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(sim: Simulator, method: string, path: string, init: { body?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  const response = await sim.fetch(`${sim.url}${path}`, { method, headers: { ...TOKEN_HEADERS, ...init.headers }, body: init.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

export const searchOffers = (sim: Simulator, yaml: string): Promise<Reply> =>
  call(sim, "POST", "/get_offers", { body: yaml, headers: { "content-type": "application/yaml" } });

export const procure = (sim: Simulator, offerId: string, extra: Record<string, unknown> = {}): Promise<Reply> =>
  call(sim, "POST", "/procure_offer", {
    body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAAC3Nza test@example", ...extra }),
    headers: { "content-type": "application/json" },
  });

export const H100_EU = "region: EU\ncompute:\n  gpu_type: H100\n  gpu_count: 1\n  max_price_per_gpu_hour: 5\n  contract_type: ondemand\n";

/** The id of the cheapest offer a query finds. */
export async function firstOffer(sim: Simulator, yaml = H100_EU): Promise<string> {
  const reply = await searchOffers(sim, yaml);
  if (reply.status !== 200 || reply.body.offers.length === 0) throw new Error(`no offer for ${yaml}: ${JSON.stringify(reply.body)}`);
  return reply.body.offers[0].offer_id;
}
