/**
 * The part of a `CdeskClient` the poller calls. Taking only this much lets any client from
 * `createCdeskClient()` fit, and lets tests pass a scripted fake with just these methods.
 */
import type { CdeskClient } from "@cdesk/client";

type Offers = CdeskClient["offers"];
type Resources = CdeskClient["resources"];

/** A client that can read offer statuses (`waitForOfferReady`, `pollOfferStatus`). */
export interface OfferStatusClient {
  offers: Pick<Offers, "status">;
}

/** A client that can procure and read offer statuses (`procureAndWait`). */
export interface ProcureClient {
  offers: Pick<Offers, "status" | "procure">;
}

/** A client that can read resources (`waitForResourceDeleted`). */
export interface ResourceClient {
  resources: Pick<Resources, "get">;
}

/** `GET /offers/{offer_id}/status` as the client returns it. */
export type OfferStatus = Awaited<ReturnType<Offers["status"]>>;
/** `POST /procure_offer` as the client returns it. */
export type Procurement = Awaited<ReturnType<Offers["procure"]>>;
/** The body `procure` sends. */
export type ProcureRequest = Parameters<Offers["procure"]>[0];
/** `GET /resources/{resource_id}` as the client returns it. */
export type Resource = Awaited<ReturnType<Resources["get"]>>;
