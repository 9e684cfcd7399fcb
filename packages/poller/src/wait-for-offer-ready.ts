import type { OfferStatus, OfferStatusClient } from "./client.js";
import { ProvisioningFailedError } from "./errors.js";
import type { WaitOptions } from "./options.js";
import { pollOfferStatusFrom } from "./poll-offer-status.js";
import { offerFailureReason, offerVerdict } from "./terminal.js";

/**
 * Polls an offer's status until provisioning is `ready` and resolves with that status (its
 * `instances` carry `ssh_command`). Rejects with `ProvisioningFailedError` when it fails or the offer
 * expires, `WaitTimeoutError` after `timeoutMs`, an `AbortError` when `signal` fires, or the client's
 * error for a fatal answer (401, 403, 404, 410, 422) or too many transient failures in a row.
 *
 * @example
 * const status = await waitForOfferReady(cdesk, offerId, { timeoutMs: 10 * 60_000 });
 * console.log(status.instances[0]?.ssh_command);
 */
export function waitForOfferReady(
  cdesk: OfferStatusClient,
  offerId: string,
  options?: WaitOptions<OfferStatus>,
): Promise<OfferStatus> {
  return waitForOfferReadyFrom(cdesk, offerId, options, Date.now());
}

export async function waitForOfferReadyFrom(
  cdesk: OfferStatusClient,
  offerId: string,
  options: WaitOptions<OfferStatus> | undefined,
  startedAt: number,
): Promise<OfferStatus> {
  let last: OfferStatus | undefined;
  for await (const status of pollOfferStatusFrom(cdesk, offerId, options, startedAt)) last = status;
  // The loop only ends on a terminal status, so `last` is set.
  const status = last as OfferStatus;
  if (offerVerdict(status) === "failed") {
    throw new ProvisioningFailedError(offerFailureReason(status), { status });
  }
  return status;
}
