import type { Offer } from "@cdesk/types";

/** How a procurement ends: as asked, or as a fault injected with failOffer(). */
export type Fate = "ok" | "procure" | "capacity" | "provisioning";

export interface Procurement {
  atMs: number;
  fate: Fate;
  resourceIds: string[];
  clusterName: string | null;
}

export interface OfferRecord {
  offer: Offer;
  createdMs: number;
  expiresMs: number;
  procurement?: Procurement;
}

export interface ResourceRecord {
  id: string;
  offerId: string;
  kind: "vm" | "storage";
  name: string;
  createdMs: number;
  /** When DELETE was accepted; the vendor finishes `deletionMs` later. */
  deleteMs?: number;
  /** The last reconciliation with the vendor: GET /resources/{id} shows the resource as it was then. */
  syncedMs: number;
  externalIp: string | null;
  internalIp: string | null;
  volume?: { sizeGb: number | null; type: string | null; storageClass: string | null };
}

/** The timing the simulator was created with. */
export interface Timing {
  provisioningMs: number;
  deletionMs: number;
}
