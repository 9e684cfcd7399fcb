/** Every operation through the @hey-api/openapi-ts SDK: the type-check time of a typical consumer. */
import { client } from "../../generated/hey-api/client.gen.js";
import * as sdk from "../../generated/hey-api/sdk.gen.js";
import { OFFER_ID, QUERY, RESOURCE_ID, SSH_KEY } from "./query.js";

client.setConfig({ baseUrl: "http://127.0.0.1:4010", auth: "t" });

export async function everyOperation(): Promise<unknown[]> {
  const gpus = await sdk.getAvailableGpusAvailableGpusGet();
  const vendors = await sdk.getAvailableVendorsAvailableVendorsGet();
  const regions = await sdk.getAvailableRegionsAvailableRegionsGet();
  const contracts = await sdk.getAvailableContractsAvailableContractsGet();
  const storage = await sdk.getAvailableStorageAvailableStorageGet();
  const offers = await sdk.getOffersGetOffersPost({ body: QUERY });
  const offer = await sdk.getOfferDetailsOffersOfferIdGet({ path: { offer_id: OFFER_ID } });
  const status = await sdk.getOfferStatusOffersOfferIdStatusGet({ path: { offer_id: OFFER_ID } });
  const procured = await sdk.procureOfferProcureOfferPost({ body: { offer_id: OFFER_ID, ssh_public_key: SSH_KEY } });
  const resources = await sdk.listResourcesResourcesGet({ query: { offer_id: OFFER_ID } });
  const resource = await sdk.getResourceResourcesResourceIdGet({ path: { resource_id: RESOURCE_ID }, query: { force_refresh: true } });
  const deleted = await sdk.deleteResourceResourcesResourceIdDelete({ path: { resource_id: RESOURCE_ID } });
  return [
    Object.keys(gpus.data ?? {}).join(),
    String(vendors.data),
    String(regions.data),
    String(contracts.data),
    String(storage.data),
    offers.data?.offers[0]?.offer_id ?? "",
    offer.data?.status ?? "",
    status.data?.procurement_status ?? "",
    procured.data?.status ?? "",
    resources.data?.[0]?.resource_id ?? "",
    resource.data?.status ?? "",
    deleted.data?.message ?? "",
  ];
}
