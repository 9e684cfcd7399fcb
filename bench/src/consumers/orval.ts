/** Every operation through orval's generated functions: the type-check time of a typical consumer. */
import * as api from "../../generated/orval/supply.js";
import { OFFER_ID, QUERY, RESOURCE_ID, SSH_KEY } from "./query.js";

/** orval types every answer as a union over its statuses; narrow on 200 as its docs do. */
const ok = <R extends { status: number; data: unknown }>(res: R): (R & { status: 200 })["data"] | undefined =>
  res.status === 200 ? res.data : undefined;

export async function everyOperation(): Promise<unknown[]> {
  const gpus = ok(await api.getAvailableGpusAvailableGpusGet());
  const vendors = ok(await api.getAvailableVendorsAvailableVendorsGet());
  const regions = ok(await api.getAvailableRegionsAvailableRegionsGet());
  const contracts = ok(await api.getAvailableContractsAvailableContractsGet());
  const storage = ok(await api.getAvailableStorageAvailableStorageGet());
  const offers = ok(await api.getOffersGetOffersPost({ ...QUERY, compute: { ...QUERY.compute } }));
  const offer = ok(await api.getOfferDetailsOffersOfferIdGet(OFFER_ID));
  const status = ok(await api.getOfferStatusOffersOfferIdStatusGet(OFFER_ID));
  const procured = ok(await api.procureOfferProcureOfferPost({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY }));
  const resources = ok(await api.listResourcesResourcesGet({ offer_id: OFFER_ID }));
  const resource = ok(await api.getResourceResourcesResourceIdGet(RESOURCE_ID, { force_refresh: true }));
  const deleted = ok(await api.deleteResourceResourcesResourceIdDelete(RESOURCE_ID));
  return [
    Object.keys(gpus ?? {}).join(),
    String(vendors),
    String(regions),
    String(contracts),
    String(storage),
    offers?.offers[0]?.offer_id ?? "",
    offer?.status ?? "",
    status?.procurement_status ?? "",
    procured?.status ?? "",
    resources?.[0]?.resource_id ?? "",
    resource?.status ?? "",
    deleted?.message ?? "",
  ];
}
