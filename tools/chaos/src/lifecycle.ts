/**
 * One user's whole journey, as the README tells it: catalog, search, procure the cheapest offer and
 * wait until ready, list what was created, delete it and wait until it is gone.
 */
import { ConflictError, type CdeskClient } from "@cdesk/client";
import { procureAndWait, waitForResourceDeleted, type WaitOptions } from "@cdesk/poller";

export const SSH_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt chaos@example";
const QUERY = { region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" } };

/**
 * Resolves when the lifecycle completed, rejects with whatever stopped it. Every search makes the
 * simulator create fresh offers, so each lifecycle procures an offer of its own.
 */
export async function runLifecycle(cdesk: CdeskClient, wait: WaitOptions): Promise<void> {
  const gpus = await cdesk.catalog.gpus();
  if (!("H100" in gpus)) throw new Error("the catalog lists no H100");
  const { offers } = await cdesk.offers.search(QUERY);
  const offer = offers[0];
  if (!offer) throw new Error("the search found no offer");
  await procureAndWait(cdesk, { offer_id: offer.offer_id, ssh_public_key: SSH_PUBLIC_KEY }, wait);
  const resources = await cdesk.resources.list({ offer_id: offer.offer_id });
  for (const { resource_id } of resources) {
    // A 409 means a delete is under way already: the client retried one whose answer was lost.
    await cdesk.resources.delete(resource_id).catch((error: unknown) => {
      if (!(error instanceof ConflictError)) throw error;
    });
    await waitForResourceDeleted(cdesk, resource_id, wait);
  }
}
