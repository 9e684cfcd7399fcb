import type { AcquireAttempt, Offer, ResourceFate, SkipReason } from "@cdesk/poller";
import { usd } from "./money.js";
import { hourlyTotal } from "./offers.js";

/** `nebius, 8x H100, EU, $24.10/h`: what people compare offers by. */
export function offerLabel(offer: Offer): string {
  const where = offer.vendor_region ? `${offer.region} (${offer.vendor_region})` : offer.region;
  const contract = offer.contract_type ? `, ${offer.contract_type}` : "";
  return `${offer.vendor}, ${offer.gpu_count}x ${offer.gpu_type}, ${where}${contract}, ${usd(hourlyTotal(offer))}/h`;
}

/** `r1 deleted, r2 kept`; a resource whose cleanup failed says why. */
export function describeFates(resources: readonly ResourceFate[], reason: (error: unknown) => string): string {
  if (resources.length === 0) return "no resources";
  return resources
    .map(({ resourceId, fate, cleanupError }) => `${resourceId} ${fate}${cleanupError === undefined ? "" : ` (${reason(cleanupError)})`}`)
    .join(", ");
}

const OUTCOME_WORDS: Record<AcquireAttempt["outcome"], string> = {
  ready: "ready",
  failed: "failed",
  stopped: "stopped",
  "outcome-unknown": "outcome unknown",
};

/**
 * One attempt on one line, nothing left out: the offer, how it ended and why, and every resource
 * with its fate. `reason` turns an error into the words the CLI uses for it.
 */
export function describeAttempt(attempt: AcquireAttempt, number: number, reason: (error: unknown) => string): string {
  // The reason may end a sentence; the line goes on.
  const why = attempt.outcome === "ready" || attempt.error === undefined ? "" : `: ${reason(attempt.error).replace(/\.$/, "")}`;
  // Nothing found is not nothing bought when the procure's outcome is unknown.
  const resources = attempt.outcome === "outcome-unknown" && attempt.resources.length === 0 ? "none found" : describeFates(attempt.resources, reason);
  return `attempt ${number}: offer ${attempt.offer.offer_id} (${offerLabel(attempt.offer)}) ${OUTCOME_WORDS[attempt.outcome]}${why}; resources: ${resources}`;
}

/** The resources still billed after the acquisition: kept, or not yet confirmed deleted. */
export function leftRunning(attempts: readonly AcquireAttempt[]): { offerId: string; resourceIds: string[] }[] {
  return attempts
    .map((attempt) => ({
      offerId: attempt.offer.offer_id,
      resourceIds: attempt.resources.filter((resource) => resource.fate !== "deleted").map((resource) => resource.resourceId),
    }))
    .filter((entry) => entry.resourceIds.length > 0);
}

/** What a search gave, counted by what became of the offers: `24 offers: 5 to try, 19 above --max-price $30.00/h`. */
export function describeSearch(offers: number, candidates: number, skipped: ReadonlyMap<SkipReason, number>, maxPrice: number): string {
  const parts = [`${candidates} to try`];
  for (const [reason, count] of skipped) parts.push(`${count} ${SKIP_WORDS[reason](maxPrice)}`);
  return `Found ${offers} offer${offers === 1 ? "" : "s"}: ${parts.join(", ")}`;
}

const SKIP_WORDS: Record<SkipReason, (maxPrice: number) => string> = {
  "over-price": (maxPrice) => `above --max-price ${usd(maxPrice)}/h`,
  "no-price": () => "without a price",
  expiring: () => "expiring within a minute",
  "already-tried": () => "tried already",
};

/** Errors as JSON keeps them: a `CdeskError`'s own `toJSON`, else its name and message (a plain Error serialises as `{}`). */
export function attemptsJson(attempts: readonly AcquireAttempt[]): unknown[] {
  return attempts.map((attempt) => ({
    ...attempt,
    error: errorJson(attempt.error),
    resources: attempt.resources.map((resource) =>
      resource.cleanupError === undefined ? resource : { ...resource, cleanupError: errorJson(resource.cleanupError) },
    ),
  }));
}

export function errorJson(error: unknown): unknown {
  if (error === undefined || !(error instanceof Error)) return error;
  if (typeof (error as { toJSON?: unknown }).toJSON === "function") return error;
  return { name: error.name, message: error.message };
}
