/** The SDK @hey-api/openapi-ts generates from the same spec (its bundled fetch client). */
import { client } from "../../generated/hey-api/client.gen.js";
import {
  deleteResourceResourcesResourceIdDelete,
  getOfferStatusOffersOfferIdStatusGet,
  procureOfferProcureOfferPost,
} from "../../generated/hey-api/sdk.gen.js";
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender, unwrap } from "./contender.js";

const createHeyApi: CreateContender = (baseUrl, token) => {
  client.setConfig({ baseUrl, auth: token });
  return {
    status: async () => unwrap(await getOfferStatusOffersOfferIdStatusGet({ path: { offer_id: OFFER_ID } })),
    procure: async () => unwrap(await procureOfferProcureOfferPost({ body: PROCURE_BODY })),
    remove: async () => unwrap(await deleteResourceResourcesResourceIdDelete({ path: { resource_id: RESOURCE_ID } })),
  };
};
export default createHeyApi;
