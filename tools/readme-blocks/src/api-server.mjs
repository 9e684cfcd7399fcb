// @ts-check
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/**
 * @typedef {{ url: string, env: Record<string, string>, offerIds: () => string[], close: () => Promise<void> }} ApiServer
 */

/**
 * The API the runnable blocks talk to: @cdesk/simulator on a port, from the reader's installed
 * packages. Blocks read CDESK_BASE_URL and CDESK_API_TOKEN, as a user's code does. Provisioning and
 * deletion take no time, so the poller's first status request already sees the end state and no
 * block waits for the poller's 15 s interval.
 *
 * @param {string} readerDir
 * @returns {Promise<ApiServer>}
 */
export async function startApiServer(readerDir) {
  const entry = createRequire(join(readerDir, "package.json")).resolve("@cdesk/simulator/node");
  /** @type {typeof import("@cdesk/simulator/node")} */
  const simulator = await import(pathToFileURL(entry).href);
  const sim = simulator.createSimulator({ provisioningMs: 0, deletionMs: 0 });
  const server = await sim.listen({ port: 0 });
  return {
    url: server.url,
    env: { CDESK_BASE_URL: server.url, CDESK_API_TOKEN: "readme-blocks" },
    offerIds: () => sim.state.offers.map((offer) => offer.offer_id),
    close: () => server.close(),
  };
}
