/** @cdesk/client's `raw` openapi-fetch client: the same paths as openapi-fetch, through the SDK's middleware. */
import { createCdeskClient } from "@cdesk/client";
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender, unwrap } from "./contender.js";

const createCdeskRaw: CreateContender = (baseUrl, token) => {
  const { raw } = createCdeskClient({ baseUrl, token, logLevel: "off" });
  return {
    status: async () => unwrap(await raw.GET("/offers/{offer_id}/status", { params: { path: { offer_id: OFFER_ID } } })),
    procure: async () => unwrap(await raw.POST("/procure_offer", { body: PROCURE_BODY })),
    remove: async () => unwrap(await raw.DELETE("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID } } })),
  };
};
export default createCdeskRaw;
