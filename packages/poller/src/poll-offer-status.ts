import type { OfferStatus, OfferStatusClient } from "./client.js";
import { type WaitOptions, resolveWaitOptions } from "./options.js";
import { poll } from "./poll.js";
import { offerVerdict } from "./terminal.js";

/**
 * Polls `GET /offers/{offerId}/status` and yields every status received, the terminal one
 * (`procurement_status` `ready` or `failed`, or an offer `expired`/`failed`) last. It does not throw
 * for a failed provisioning: look at the last status (or use `waitForOfferReady`). Options are checked
 * when it is called, before any request; `break` stops polling and leaves no timer behind.
 *
 * @example
 * for await (const status of pollOfferStatus(cdesk, offerId, { intervalMs: 10_000 })) {
 *   console.log(status.procurement_status, status.progress);
 * }
 */
export function pollOfferStatus(
  cdesk: OfferStatusClient,
  offerId: string,
  options?: WaitOptions<OfferStatus>,
): AsyncGenerator<OfferStatus, void, undefined> {
  return pollOfferStatusFrom(cdesk, offerId, options, Date.now());
}

/** `pollOfferStatus` with the clock started earlier (by `procureAndWait`, before its procure call). */
export function pollOfferStatusFrom(
  cdesk: OfferStatusClient,
  offerId: string,
  options: WaitOptions<OfferStatus> | undefined,
  startedAt: number,
): AsyncGenerator<OfferStatus, void, undefined> {
  const resolved = resolveWaitOptions(options);
  const target = { fetch: (signal: AbortSignal) => cdesk.offers.status(offerId, { signal }), verdict: offerVerdict };
  return poll(target, resolved, startedAt);
}
