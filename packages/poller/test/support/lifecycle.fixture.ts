/** What a browser app that finds, buys and waits for a GPU ships: the size test bundles this. */
import { createCdeskClient } from "@cdesk/client";
import { procureAndWait } from "../../src/index.js";

export async function lifecycle(token: string, sshPublicKey: string) {
  const cdesk = createCdeskClient({ token });
  const { offers } = await cdesk.offers.search({ region: "EU", compute: { gpu_type: "H100" } });
  return procureAndWait(cdesk, { offer_id: offers[0]!.offer_id, ssh_public_key: sshPublicKey });
}
