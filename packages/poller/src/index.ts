/**
 * @cdesk/poller: get a running machine, and wait for Compute Desk provisioning and deletion without
 * hand-written loops.
 *
 * ```ts
 * import { createCdeskClient } from "@cdesk/client";
 * import { acquire } from "@cdesk/poller";
 * const { status } = await acquire(createCdeskClient(), { query: { region: "EU", compute: { gpu_type: "H100" } }, ssh_public_key });
 * ```
 */
export { waitForOfferReady } from "./wait-for-offer-ready.js";
export { pollOfferStatus } from "./poll-offer-status.js";
export { procureAndWait, type ProcureAndWaitResult } from "./procure-and-wait.js";
export { waitForResourceDeleted } from "./wait-for-resource-deleted.js";
export { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
export type { WaitOptions, PollObservation } from "./options.js";
export type { OfferStatus, OfferStatusClient, ProcureClient, Procurement, ResourceClient } from "./client.js";
export { acquire, type AcquireResult } from "./acquire/acquire.js";
export { AcquireError } from "./acquire/error.js";
export type { AcquireOptions } from "./acquire/options.js";
export type { CleanupPolicy } from "./acquire/cleanup.js";
export type { AcquireEvent } from "./acquire/events.js";
export type { AcquireAttempt, AttemptOutcome, ResourceFate } from "./acquire/record.js";
export type { AcquireClient, Offer } from "./acquire/client.js";
export type { SkipReason } from "./acquire/candidates.js";
