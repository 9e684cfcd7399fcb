import type { OfferStatus } from "../client.js";
import type { ResolvedWaitOptions } from "../options.js";
import { poll } from "../poll.js";
import { MAX_TIMER_MS } from "../schedule.js";
import type { AcquireClient } from "./client.js";

/**
 * Whether an offer has been bought, from its status: `procured` once the offer says so or its
 * procurement has started (any stage but `available`); otherwise still `available`, or `expired`.
 */
export type ProcureFate = { fate: "procured" | "available" | "expired"; status: OfferStatus };

export function procureFateOf(status: OfferStatus): ProcureFate["fate"] {
  const lifecycle = lower(status.status);
  const procurement = lower(status.procurement_status);
  if (lifecycle === "procured" || (procurement !== "" && procurement !== "available")) return "procured";
  return lifecycle === "expired" ? "expired" : "available";
}

/**
 * Asks `GET /offers/{offerId}/status` until one answer comes, however many transient failures it
 * takes, until `signal` fires. Rejects on an answer that cannot tell (401, 403, 404, ...): the fate
 * then stays unknown, and nothing else may be procured.
 */
export async function learnProcureFate(
  cdesk: Pick<AcquireClient, "offers">,
  offerId: string,
  wait: ResolvedWaitOptions<OfferStatus>,
  signal: AbortSignal,
  onStatus: (status: OfferStatus) => void,
): Promise<ProcureFate> {
  const target = { fetch: (s: AbortSignal) => cdesk.offers.status(offerId, { signal: s }), verdict: () => "ready" as const };
  const options = { ...wait, timeoutMs: MAX_TIMER_MS, maxConsecutiveErrors: Number.POSITIVE_INFINITY, signal, onProgress: undefined };
  let answer: OfferStatus | undefined;
  for await (const status of poll(target, options)) answer = status;
  // Every answer is terminal for this poll, so it ends after the first one, or throws.
  const status = answer as OfferStatus;
  onStatus(status);
  return { fate: procureFateOf(status), status };
}

function lower(value: string | null | undefined): string {
  return typeof value === "string" ? value.toLowerCase() : "";
}
