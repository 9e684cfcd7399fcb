import type { OfferRecord, Procurement, ResourceRecord, Timing } from "./records.js";

export type Stage = "provisioning_started" | "provisioning_in_progress" | "ready" | "failed";

// The first quarter of provisioning is the vendor accepting the request (no instances yet);
// a capacity failure ends it there, a provisioning failure at the end, with instances booted.
const ACCEPT_SHARE = 0.25;

/** The procurement's stage at time `t`, and when it ended (ready or failed), if it has. */
export function stageAt(p: Procurement, t: number, timing: Timing): { stage: Stage; endedMs?: number } {
  if (p.fate === "procure") return { stage: "failed", endedMs: p.atMs };
  const acceptedMs = p.atMs + timing.provisioningMs * ACCEPT_SHARE;
  const doneMs = p.atMs + timing.provisioningMs;
  if (p.fate === "capacity") return t < acceptedMs ? { stage: "provisioning_started" } : { stage: "failed", endedMs: acceptedMs };
  if (t < acceptedMs) return { stage: "provisioning_started" };
  if (t < doneMs) return { stage: "provisioning_in_progress" };
  return p.fate === "provisioning" ? { stage: "failed", endedMs: doneMs } : { stage: "ready", endedMs: doneMs };
}

export type ResourceState = "provisioning" | "running" | "available" | "failed" | "deleting" | "deleted";

/** A resource's state at time `t`, and since when it has been deleted, if it has. */
export function resourceStateAt(
  r: ResourceRecord,
  offer: OfferRecord,
  t: number,
  timing: Timing,
): { state: ResourceState; deletedMs?: number } {
  const p = offer.procurement!;
  const { stage, endedMs } = stageAt(p, t, timing);
  const released = stage === "failed" && p.fate === "capacity";
  if (r.deleteMs !== undefined && t >= r.deleteMs && !(released && endedMs! <= r.deleteMs)) {
    const deletedMs = r.deleteMs + timing.deletionMs;
    return t < deletedMs ? { state: "deleting" } : { state: "deleted", deletedMs };
  }
  if (stage === "provisioning_started" || stage === "provisioning_in_progress") return { state: "provisioning" };
  if (stage === "ready") return { state: r.kind === "vm" ? "running" : "available" };
  // Failed: capacity never created anything, so the vendor released it; a boot failure leaves the
  // VM failed until it is deleted; a persistent volume outlives either.
  if (r.kind === "storage") return { state: "available" };
  return released ? { state: "deleted", deletedMs: endedMs! } : { state: "failed" };
}

export function isExpired(offer: OfferRecord, t: number): boolean {
  return offer.procurement === undefined && t >= offer.expiresMs;
}
