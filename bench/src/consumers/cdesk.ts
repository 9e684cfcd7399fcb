/** Every operation through @cdesk/client's methods: the type-check time of a typical consumer. */
import { createCdeskClient } from "@cdesk/client";
import { OFFER_ID, QUERY, RESOURCE_ID, SSH_KEY } from "./query.js";

const cdesk = createCdeskClient({ baseUrl: "http://127.0.0.1:4010", token: "t" });

export async function everyOperation(): Promise<unknown[]> {
  const gpus = await cdesk.catalog.gpus();
  const vendors = await cdesk.catalog.vendors();
  const regions = await cdesk.catalog.regions();
  const contracts = await cdesk.catalog.contracts();
  const storage = await cdesk.catalog.storage();
  const offers = await cdesk.offers.search(QUERY);
  const offer = await cdesk.offers.get(OFFER_ID);
  const status = await cdesk.offers.status(OFFER_ID);
  const procured = await cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY });
  const resources = await cdesk.resources.list({ offer_id: OFFER_ID });
  const resource = await cdesk.resources.get(RESOURCE_ID, { forceRefresh: true });
  const deleted = await cdesk.resources.delete(RESOURCE_ID);
  return [
    Object.keys(gpus).join(),
    String(vendors),
    String(regions),
    String(contracts),
    String(storage),
    offers.offers[0]?.offer_id ?? "",
    offer.status,
    status.procurement_status,
    procured.status,
    resources[0]?.resource_id ?? "",
    resource.status ?? "",
    deleted.message,
  ];
}
