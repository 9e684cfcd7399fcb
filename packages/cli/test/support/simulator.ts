import type { ChildProcess } from "node:child_process";
import { createCdeskClient } from "@cdesk/client";
import type { Simulator } from "@cdesk/simulator";
import { createSimulator, type NodeSimulator, type SimulatorOptions } from "@cdesk/simulator/node";
import { onTestFinished } from "vitest";
import { PUBLIC_KEY } from "./keys.js";

/**
 * A stateful simulator of the API on a port, for one test, closed when the test ends. On the manual
 * clock nothing moves by itself: `provisioningMs: 0` makes an offer ready (or failed) at its first
 * status, a long one keeps it provisioning until the test is done, and no test waits for time.
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<{ sim: NodeSimulator; url: string }> {
  const sim = createSimulator({ clock: "manual", provisioningMs: 0, deletionMs: 0, ...options });
  const server = await sim.listen();
  onTestFinished(() => server.close());
  return { sim, url: server.url };
}

/** The offers a query finds, cheapest first: the order `cdesk up` tries them in. */
export async function offersByPrice(sim: Simulator, query: Parameters<ReturnType<typeof createCdeskClient>["offers"]["search"]>[0]) {
  const cdesk = createCdeskClient({ token: "test-token", baseUrl: sim.url, fetch: sim.fetch });
  const { offers } = await cdesk.offers.search(query);
  return [...offers].sort((a, b) => (a.total_price_per_hour ?? Infinity) - (b.total_price_per_hour ?? Infinity));
}

/** An H100 offer procured straight through the client: the state a command under test then finds. */
export async function procuredOffer(sim: Simulator): Promise<{ offerId: string; resourceIds: string[] }> {
  const cdesk = createCdeskClient({ token: "test-token", baseUrl: sim.url, fetch: sim.fetch });
  const [offer] = await offersByPrice(sim, { compute: { gpu_type: "H100" } });
  const { resource_ids } = await cdesk.offers.procure({ offer_id: offer!.offer_id, ssh_public_key: PUBLIC_KEY });
  return { offerId: offer!.offer_id, resourceIds: resource_ids ?? [] };
}

type Listed = Awaited<ReturnType<typeof offersByPrice>>[number];

/**
 * Makes the cheapest offer of `query` fail provisioning, in this search and every later one: each
 * search makes fresh offer ids for the same inventory, so the offer is matched by what it sells.
 * Returns the cheapest two as the CLI will find them (ids from its own search differ).
 */
export async function failCheapest(sim: Simulator, query: Parameters<typeof offersByPrice>[1]): Promise<[Listed, Listed]> {
  const [first, second] = await offersByPrice(sim, query);
  const sells = (offer: Listed) => (other: Listed) =>
    (["vendor", "vendor_region", "gpu_type", "gpu_count", "contract_type", "total_price_per_hour"] as const).every((key) => other[key] === offer[key]);
  sim.failOffer((offer) => sells(first!)(offer as Listed), "provisioning");
  return [first!, second!];
}

/** Resolves with the child's stderr so far once a line matches `pattern`: a test acts on what the CLI says, not on time. */
export function whenStderr(child: ChildProcess, pattern: RegExp): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer | string) => {
      seen += chunk.toString();
      if (!pattern.test(seen)) return;
      child.stderr?.off("data", onData);
      resolve(seen);
    };
    child.stderr?.on("data", onData);
    child.once("close", () => (pattern.test(seen) ? undefined : reject(new Error(`exited before printing ${pattern}:\n${seen}`))));
  });
}
