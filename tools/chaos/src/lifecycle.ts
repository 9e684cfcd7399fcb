/**
 * One user's whole journey, as the README tells it: catalog, search, procure and wait until ready,
 * list what was created, delete it and wait until it is gone.
 */
import type { CdeskClient } from "@cdesk/client";
import { procureAndWait, waitForResourceDeleted, type WaitOptions } from "@cdesk/poller";

const SSH_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt chaos@example";
const QUERY = { region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" } };

/**
 * Resolves when the lifecycle completed, rejects with whatever stopped it.
 *
 * `offerId` is the lifecycle's own: the mock answers every search with the spec's example offers
 * (one fixed id), and keeps provisioning progress per offer id, so procuring a distinct id is what
 * takes each lifecycle through every provisioning stage, and lets the mock side count procure
 * requests per lifecycle.
 */
export async function runLifecycle(cdesk: CdeskClient, offerId: string, wait: WaitOptions): Promise<void> {
  const gpus = await cdesk.catalog.gpus();
  if (!("H100" in gpus)) throw new Error("the catalog lists no H100");
  const { offers } = await cdesk.offers.search(QUERY);
  if (offers.length === 0) throw new Error("the search found no offer");
  await procureAndWait(cdesk, { offer_id: offerId, ssh_public_key: SSH_PUBLIC_KEY }, wait);
  const resources = await cdesk.resources.list({ offer_id: offerId });
  for (const { resource_id } of resources) {
    await cdesk.resources.delete(resource_id);
    await waitForResourceDeleted(cdesk, resource_id, wait);
  }
}

/** A UUID for lifecycle `index` of a run with `seed`: the same every run, distinct within a run. */
export function lifecycleOfferId(seed: number, index: number): string {
  const hex = (n: number, width: number) => (n >>> 0).toString(16).padStart(width, "0").slice(-width);
  return `${hex(seed, 8)}-${hex(index >>> 12, 4)}-4${hex(index & 0xfff, 3)}-8000-${hex(0xc4a05, 12)}`;
}
