import type { Offer } from "@cdesk/types";
import type { Clock } from "./clock.js";
import type { Inventory, OfferTemplate } from "./inventory.js";
import type { Random } from "./random.js";
import type { Fate, OfferRecord, ResourceRecord, Timing } from "./records.js";
import { resourceStateAt } from "./timeline.js";
import { iso } from "./views.js";

export const OFFER_LIFETIME_MS = 30 * 60_000;
export const RECONCILE_COOLDOWN_MS = 30_000;

// RFC 5737 documentation ranges: addresses that can never reach a real machine.
const DOC_RANGES = ["192.0.2", "198.51.100", "203.0.113"];

/** Which offers fail, and how: checked when an offer is procured. */
export interface OfferFault {
  matches: (offer: Offer) => boolean;
  fate: Exclude<Fate, "ok">;
}

export type ProcureOutcome =
  | { kind: "not-found" }
  | { kind: "conflict" }
  | { kind: "expired" }
  | { kind: "failed"; record: OfferRecord }
  | { kind: "accepted"; record: OfferRecord };

export type DeleteOutcome = { kind: "not-found" } | { kind: "conflict"; state: string } | { kind: "accepted"; resource: ResourceRecord };

/** The simulator's state: the offers searches created, the resources procurements created. */
export class World {
  readonly offers = new Map<string, OfferRecord>();
  readonly resources = new Map<string, ResourceRecord>();
  readonly faults: OfferFault[] = [];
  private addressCount = 0;
  private nameCount = 0;

  constructor(
    readonly inventory: Inventory,
    readonly clock: Clock,
    readonly timing: Timing,
    private readonly random: Random,
  ) {}

  /** Gives each matching template a fresh id; it expires 30 minutes from now. */
  createOffers(templates: OfferTemplate[]): Offer[] {
    const now = this.clock.now();
    return templates.map((template) => {
      const offer: Offer = { offer_id: this.random.uuid(), ...template, created_at: iso(now), expires_at: iso(now + OFFER_LIFETIME_MS) };
      this.offers.set(offer.offer_id, { offer, createdMs: now, expiresMs: now + OFFER_LIFETIME_MS });
      return structuredClone(offer);
    });
  }

  procure(offerId: string, clusterName: string | null): ProcureOutcome {
    const record = this.offers.get(offerId);
    if (!record) return { kind: "not-found" };
    if (record.procurement) return { kind: "conflict" };
    const now = this.clock.now();
    if (now >= record.expiresMs) return { kind: "expired" };
    const fate = this.faults.find((f) => f.matches(structuredClone(record.offer)))?.fate ?? "ok";
    const name = clusterName ?? (record.offer.deployment_type === "cluster" ? `cluster-${offerId.slice(0, 8)}` : null);
    record.procurement = { atMs: now, fate, resourceIds: [], clusterName: name };
    if (fate === "procure") return { kind: "failed", record };
    for (const r of this.newResources(record, now)) {
      this.resources.set(r.id, r);
      record.procurement.resourceIds.push(r.id);
    }
    return { kind: "accepted", record };
  }

  private newResources(record: OfferRecord, now: number): ResourceRecord[] {
    const o = record.offer;
    const nodes = Math.max(1, o.node_count ?? 1);
    const prefix = record.procurement!.clusterName ?? `${o.gpu_family}-${o.region}-${++this.nameCount}`.toLowerCase();
    const out: ResourceRecord[] = [];
    for (let i = 0; i < nodes; i++) {
      const n = this.addressCount++;
      out.push({
        id: this.random.uuid(),
        offerId: o.offer_id,
        kind: "vm",
        name: nodes > 1 || record.procurement!.clusterName ? `${prefix}-node-${i + 1}` : prefix,
        createdMs: now,
        syncedMs: now,
        externalIp: `${DOC_RANGES[n % 3]}.${10 + (Math.floor(n / 3) % 240)}`,
        internalIp: `10.0.${Math.floor(n / 250) % 256}.${(n % 250) + 2}`,
      });
    }
    for (const [i, volume] of (o.storage_details ?? []).entries()) {
      if (!volume.persistent) continue;
      out.push({
        id: this.random.uuid(),
        offerId: o.offer_id,
        kind: "storage",
        name: `${prefix}-${volume.name ?? `volume-${i + 1}`}`,
        createdMs: now,
        syncedMs: now,
        externalIp: null,
        internalIp: null,
        volume: { sizeGb: volume.size_gb ?? null, type: volume.type ?? null, storageClass: volume.storage_class ?? null },
      });
    }
    return out;
  }

  resourcesOf(offerId: string): ResourceRecord[] {
    return (this.offers.get(offerId)?.procurement?.resourceIds ?? []).map((id) => this.resources.get(id)!);
  }

  /** The vendor is asked for the resource's real state: its snapshot becomes the present. */
  reconcile(resource: ResourceRecord): void {
    resource.syncedMs = this.clock.now();
  }

  /** GET /resources/{id}: reconciles when the last one is older than the cooldown, or when forced. */
  readResource(resource: ResourceRecord, forceRefresh: boolean): void {
    if (forceRefresh || this.clock.now() - resource.syncedMs >= RECONCILE_COOLDOWN_MS) this.reconcile(resource);
  }

  delete(resourceId: string): DeleteOutcome {
    const resource = this.resources.get(resourceId);
    if (!resource) return { kind: "not-found" };
    this.reconcile(resource);
    const now = this.clock.now();
    const { state } = resourceStateAt(resource, this.offers.get(resource.offerId)!, now, this.timing);
    if (state === "deleting" || state === "deleted") return { kind: "conflict", state };
    resource.deleteMs = now;
    return { kind: "accepted", resource };
  }
}
