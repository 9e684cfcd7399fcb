import type { OfferStatus, Resource } from "./client.js";

/** Where a polled thing stands: finished well, finished badly, or still on its way. */
export type Verdict = "ready" | "failed" | "pending";

/**
 * `procurement_status` `ready` wins (the machine exists and is billed, even if the offer itself has
 * since expired); `failed`, or an offer `status` of `failed`/`expired`, is final. Any other string is
 * an intermediate stage: the docs name several value sets, so unknown ones mean "keep waiting".
 */
export function offerVerdict(status: Pick<OfferStatus, "procurement_status" | "status">): Verdict {
  const procurement = lower(status.procurement_status);
  if (procurement === "ready") return "ready";
  if (procurement === "failed") return "failed";
  const lifecycle = lower(status.status);
  if (lifecycle === "failed" || lifecycle === "expired") return "failed";
  return "pending";
}

/** Why an offer counts as failed, for `ProvisioningFailedError.failureReason`. */
export function offerFailureReason(status: Pick<OfferStatus, "procurement_status" | "status" | "failure_reason">): string {
  if (status.failure_reason) return status.failure_reason;
  if (lower(status.status) === "expired") return "the offer expired before provisioning finished";
  return `procurement_status is ${status.procurement_status}, offer status is ${status.status ?? "unknown"} (no failure_reason given)`;
}

/** A resource is gone once its status is `deleted`; `deleting`, `running` or anything else means not yet. */
export function resourceVerdict(resource: Pick<Resource, "status">): Verdict {
  return lower(resource.status) === "deleted" ? "ready" : "pending";
}

function lower(value: string | null | undefined): string {
  return typeof value === "string" ? value.toLowerCase() : "";
}
