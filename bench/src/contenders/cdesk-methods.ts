/** @cdesk/client as documented: named methods, typed errors, validation, retries and timeouts. */
import { createCdeskClient } from "@cdesk/client";
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender } from "./contender.js";

const createCdeskMethods: CreateContender = (baseUrl, token) => {
  const cdesk = createCdeskClient({ baseUrl, token, logLevel: "off" });
  return {
    status: () => cdesk.offers.status(OFFER_ID),
    procure: () => cdesk.offers.procure(PROCURE_BODY),
    remove: () => cdesk.resources.delete(RESOURCE_ID),
  };
};
export default createCdeskMethods;
