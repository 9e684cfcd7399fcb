/**
 * @cdesk/poller: wait for Compute Desk provisioning and deletion without hand-written loops.
 *
 * ```ts
 * import { createCdeskClient } from "@cdesk/client";
 * import { procureAndWait } from "@cdesk/poller";
 * const { status } = await procureAndWait(createCdeskClient(), { offer_id, ssh_public_key });
 * ```
 */
export { waitForOfferReady } from "./wait-for-offer-ready.js";
export { pollOfferStatus } from "./poll-offer-status.js";
export { procureAndWait, type ProcureAndWaitResult } from "./procure-and-wait.js";
export { waitForResourceDeleted } from "./wait-for-resource-deleted.js";
export { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
export type { WaitOptions, PollObservation } from "./options.js";
export type { OfferStatusClient, ProcureClient, ResourceClient } from "./client.js";
