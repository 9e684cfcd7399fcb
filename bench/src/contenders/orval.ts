/** The functions orval generates from the same spec (`client: "fetch"`, with the mutator in orval-fetch.ts). */
import {
  deleteResourceResourcesResourceIdDelete,
  getOfferStatusOffersOfferIdStatusGet,
  procureOfferProcureOfferPost,
} from "../../generated/orval/supply.js";
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender } from "./contender.js";
import { configureOrval } from "./orval-fetch.js";

/** orval types an answer as a union over its statuses: keep the 200 one. */
function unwrap<R extends { data: unknown; status: number }>(result: R): (R & { status: 200 })["data"] {
  if (result.status !== 200) throw new Error(`request failed with ${result.status}`);
  return result.data;
}

const createOrval: CreateContender = (baseUrl, token) => {
  configureOrval(baseUrl, token);
  return {
    status: async () => unwrap(await getOfferStatusOffersOfferIdStatusGet(OFFER_ID)),
    procure: async () => unwrap(await procureOfferProcureOfferPost(PROCURE_BODY)),
    remove: async () => unwrap(await deleteResourceResourcesResourceIdDelete(RESOURCE_ID)),
  };
};
export default createOrval;
