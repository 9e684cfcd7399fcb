import type { CdeskClient } from "@cdesk/client";

type Offers = CdeskClient["offers"];
type Resources = CdeskClient["resources"];

/**
 * The part of a `CdeskClient` that `acquire` calls: search, procure and status for offers; list,
 * delete and get for the resources of a failed attempt. Any `createCdeskClient()` result fits.
 */
export interface AcquireClient {
  offers: Pick<Offers, "search" | "procure" | "status">;
  resources: Pick<Resources, "list" | "delete" | "get">;
}

/** One offer of a `POST /get_offers` answer. */
export type Offer = Awaited<ReturnType<Offers["search"]>>["offers"][number];
/** What `search` accepts: a typed query, or a raw YAML string. */
export type OffersQuery = Parameters<Offers["search"]>[0];
