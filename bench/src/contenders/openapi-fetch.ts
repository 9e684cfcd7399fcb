/** openapi-fetch with the types @cdesk/types generates: the baseline of every ratio. */
import type { paths } from "@cdesk/types";
import createClient from "openapi-fetch";
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender, unwrap } from "./contender.js";

const createOpenapiFetch: CreateContender = (baseUrl, token) => {
  const client = createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  return {
    status: async () => unwrap(await client.GET("/offers/{offer_id}/status", { params: { path: { offer_id: OFFER_ID } } })),
    procure: async () => unwrap(await client.POST("/procure_offer", { body: PROCURE_BODY })),
    remove: async () => unwrap(await client.DELETE("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID } } })),
  };
};
export default createOpenapiFetch;
