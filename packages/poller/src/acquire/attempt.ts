import { CdeskApiError, abortableSleep, isTransientError, retryAfterMsOf } from "@cdesk/client";
import type { OfferStatus, Procurement } from "../client.js";
import { refusalOf } from "../procure-and-wait.js";
import { nextDelayMs } from "../schedule.js";
import { waitForOfferReady } from "../wait-for-offer-ready.js";
import { isExpiring } from "./candidates.js";
import { isHopeless, isOutcomeUnknown } from "./classify.js";
import type { AcquireClient, Offer } from "./client.js";
import type { AcquireEvent } from "./events.js";
import type { ResolvedAcquireOptions } from "./options.js";
import { learnProcureFate } from "./procure-fate.js";
import type { AttemptOutcome } from "./record.js";
import type { Stopper } from "./stop.js";

export interface AttemptContext {
  cdesk: AcquireClient;
  options: ResolvedAcquireOptions;
  stopper: Stopper;
  emit: (event: AcquireEvent) => void;
}

/** How one attempt ended, before cleanup. */
export interface AttemptEnd {
  /** `done`: return the result. `next-offer`: try another. `stop`: end the acquisition. */
  next: "done" | "next-offer" | "stop";
  outcome: AttemptOutcome;
  error: unknown;
  procurement: Procurement | undefined;
  status: OfferStatus | undefined;
  /** False only when the offer was certainly not bought (nothing to look for or clean up). */
  mayHaveResources: boolean;
  /** Resource ids named by the procure answer and every status seen. */
  resourceIds: Set<string>;
}

type Purchase =
  | { bought: true; procurement: Procurement | undefined }
  | { bought: false; next: "next-offer" | "stop"; error: unknown }
  | { bought: "unknown"; error: unknown };

/**
 * Procures one offer and waits until it is ready. Never procures another offer: a procure whose
 * outcome is unknown is settled by the offer's status first (and repeated, for this offer only,
 * when the status shows it was not bought). Never rejects: every ending is an `AttemptEnd`.
 */
export async function runAttempt(ctx: AttemptContext, offer: Offer, attempt: number): Promise<AttemptEnd> {
  const { cdesk, options, stopper, emit } = ctx;
  const resourceIds = new Set<string>();
  let status: OfferStatus | undefined;
  const observe = (seen: OfferStatus) => {
    status = seen;
    for (const id of seen.resource_ids ?? []) resourceIds.add(id);
    emit({ type: "progress", offer, attempt, status: seen });
  };
  const end = (next: AttemptEnd["next"], outcome: AttemptOutcome, error: unknown, procurement?: Procurement): AttemptEnd => ({
    next, outcome, error, procurement, status, mayHaveResources: true, resourceIds,
  });

  emit({ type: "procuring", offer, attempt });
  const purchase = await buy(ctx, offer, observe);
  if (purchase.bought === "unknown") return end("stop", "outcome-unknown", purchase.error);
  if (!purchase.bought) {
    return { ...end(purchase.next, purchase.next === "stop" ? "stopped" : "failed", purchase.error), mayHaveResources: false };
  }
  const { procurement } = purchase;
  for (const id of procurement?.resource_ids ?? []) resourceIds.add(id);
  const refused = procurement && refusalOf(procurement);
  if (refused) return end("next-offer", "failed", refused, procurement);
  emit({ type: "procured", offer, attempt, procurement, resourceIds: [...resourceIds] });
  if (stopper.reason()) return end("stop", "stopped", undefined, procurement);

  try {
    const ready = await waitForOfferReady(cdesk, offer.offer_id, {
      ...options.wait,
      timeoutMs: options.readyTimeoutMs,
      signal: stopper.signal,
      onProgress: ({ status: seen }) => observe(seen),
    });
    emit({ type: "ready", offer, attempt, status: ready });
    // A listener that failed on `ready` stops the acquisition like an abort would.
    if (stopper.reason()) return end("stop", "stopped", undefined, procurement);
    return end("done", "ready", undefined, procurement);
  } catch (error) {
    if (stopper.reason() || isHopeless(error)) return end("stop", "stopped", stopper.reason() ? undefined : error, procurement);
    // Failed provisioning, readyTimeoutMs, an expired offer, too many transient errors: another offer may do.
    return end("next-offer", "failed", error, procurement);
  }
}

/**
 * Sends the procure call, and settles an unknown outcome before anything else happens. A call whose
 * outcome may have been carried out (a timeout, a 5xx, a cut connection, a 409 after such a call)
 * is followed by status requests until one answers: `procured` means it went through; `available`
 * means it did not, and the call is repeated for the same offer (which the server can sell only
 * once, so this never buys twice).
 */
async function buy(ctx: AttemptContext, offer: Offer, observe: (status: OfferStatus) => void): Promise<Purchase> {
  const { cdesk, options, stopper } = ctx;
  let uncertain = false;
  for (let calls = 1; ; calls++) {
    if (stopper.reason()) return { bought: false, next: "stop", error: undefined };
    try {
      const procurement = await cdesk.offers.procure({ ...options.request, offer_id: offer.offer_id }, { signal: stopper.procureSignal });
      return { bought: true, procurement };
    } catch (error) {
      // An abort mid-call, like a timeout, leaves the outcome unknown.
      uncertain ||= isOutcomeUnknown(error) || isTransientError(error) || stopper.reason() !== undefined;
      if (!uncertain) {
        if (isHopeless(error)) return { bought: false, next: "stop", error };
        // 404, 409, 410 and the like: the server refused this offer, nothing was bought.
        if (error instanceof CdeskApiError) return { bought: false, next: "next-offer", error };
      }
      let fate;
      try {
        fate = await learnProcureFate(cdesk, offer.offer_id, options.wait, stopper.cleanupSignal, observe);
      } catch {
        return { bought: "unknown", error };
      }
      if (fate.fate === "procured") return { bought: true, procurement: undefined };
      if (fate.fate === "expired") return { bought: false, next: "next-offer", error };
      if (stopper.reason()) return { bought: false, next: "stop", error: undefined };
      if (calls >= options.wait.maxConsecutiveErrors || isExpiring(offer, Date.now())) return { bought: false, next: "next-offer", error };
      const pause = nextDelayMs({
        requestsSent: calls,
        intervalMs: options.wait.intervalMs,
        maxIntervalMs: options.wait.maxIntervalMs,
        backoffFactor: options.wait.backoffFactor,
        retryAfterMs: retryAfterMsOf(error, Date.now()),
        remainingMs: Number.POSITIVE_INFINITY,
        random: Math.random(),
      });
      try {
        await abortableSleep(pause, stopper.signal);
      } catch {
        return { bought: false, next: "stop", error: undefined };
      }
    }
  }
}
