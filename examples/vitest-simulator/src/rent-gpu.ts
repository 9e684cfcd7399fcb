import type { CdeskClient } from "@cdesk/client";
import { ProvisioningFailedError, procureAndWait } from "@cdesk/poller";

/**
 * Rents the cheapest offer of a GPU type and resolves with its ready status. When provisioning
 * fails, it deletes what that procurement left behind (you pay for failed VMs until they are
 * deleted) and tries the next cheapest offer, up to `attempts` offers.
 */
export async function rentGpu(cdesk: CdeskClient, gpuType: string, sshPublicKey: string, attempts = 2) {
  const { offers } = await cdesk.offers.search({ compute: { gpu_type: gpuType } });
  const price = (offer: (typeof offers)[number]) => offer.total_price_per_hour ?? Number.POSITIVE_INFINITY;
  for (const offer of [...offers].sort((a, b) => price(a) - price(b)).slice(0, attempts)) {
    try {
      const { status } = await procureAndWait(cdesk, { offer_id: offer.offer_id, ssh_public_key: sshPublicKey });
      return status;
    } catch (error) {
      if (!(error instanceof ProvisioningFailedError)) throw error;
      for (const resource of await cdesk.resources.list({ offer_id: offer.offer_id })) {
        if (resource.status !== "deleted") await cdesk.resources.delete(resource.resource_id, { force: true });
      }
    }
  }
  throw new Error(`No ${gpuType} offer could be provisioned in ${attempts} attempts`);
}
