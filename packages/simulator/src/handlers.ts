import type { OffersQuery } from "@cdesk/types";
import { detail, json, type Answer } from "./answer.js";
import { availableGpus, distinct } from "./inventory.js";
import type { OperationId } from "./routes.js";
import { search } from "./search.js";
import { failureReason, iso, offerDetails, offerStatus, resourceView } from "./views.js";
import type { World } from "./world.js";

export interface HandlerInput {
  world: World;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

type Handler = (input: HandlerInput) => Answer;

const REGION_ORDER = ["US", "EU", "APAC", "Other"];

const offerNotFound = (): Answer => detail(404, "Offer not found");
const resourceNotFound = (): Answer => detail(404, "Resource not found");

/** One handler per operation of the spec: the compiler fails when the spec gains one without a handler. */
export const handlers: Record<OperationId, Handler> = {
  get_offers_get_offers_post({ world, body }) {
    const { offers, filtersApplied } = search(world.inventory, body as OffersQuery);
    const created = world.createOffers(offers);
    return json(200, { offers: created, total_count: created.length, filters_applied: filtersApplied });
  },

  get_offer_details_offers__offer_id__get({ world, path }) {
    const record = world.offers.get(path.offer_id as string);
    return record ? json(200, offerDetails(record, world.clock.now(), world.timing)) : offerNotFound();
  },

  get_offer_status_offers__offer_id__status_get({ world, path }) {
    const record = world.offers.get(path.offer_id as string);
    if (!record) return offerNotFound();
    // The status endpoint checks the instances' real-time state: that is a reconciliation.
    const resources = world.resourcesOf(record.offer.offer_id);
    for (const r of resources) world.reconcile(r);
    return json(200, offerStatus(record, resources, world.clock.now(), world.timing));
  },

  procure_offer_procure_offer_post({ world, body }) {
    const { offer_id: offerId, cluster_name: clusterName } = body as { offer_id: string; cluster_name?: string | null };
    const outcome = world.procure(offerId, clusterName ?? null);
    switch (outcome.kind) {
      case "not-found":
        return offerNotFound();
      case "conflict":
        return detail(409, `Offer ${offerId} has already been procured`);
      case "expired":
        return detail(410, `Offer ${offerId} has expired`);
      case "failed":
        return json(200, { offer_id: offerId, status: "failed", procured_at: null, resource_ids: null, error: failureReason(outcome.record, []) });
      case "accepted":
        return json(200, {
          offer_id: offerId,
          status: "provisioning_in_progress",
          procured_at: iso(outcome.record.procurement!.atMs),
          resource_ids: [...outcome.record.procurement!.resourceIds],
          error: null,
        });
    }
  },

  list_resources_resources_get({ world, query }) {
    const offerId = query.offer_id as string | null | undefined;
    const listed = [...world.resources.values()].filter((r) => offerId == null || r.offerId === offerId);
    return json(
      200,
      listed.map((r) => resourceView(r, world.offers.get(r.offerId)!, r.syncedMs, world.timing)),
    );
  },

  get_resource_resources__resource_id__get({ world, path, query }) {
    const resource = world.resources.get(path.resource_id as string);
    if (!resource) return resourceNotFound();
    world.readResource(resource, query.force_refresh === true);
    return json(200, resourceView(resource, world.offers.get(resource.offerId)!, resource.syncedMs, world.timing));
  },

  delete_resource_resources__resource_id__delete({ world, path }) {
    const id = path.resource_id as string;
    const outcome = world.delete(id);
    if (outcome.kind === "not-found") return resourceNotFound();
    if (outcome.kind === "conflict") {
      return detail(409, outcome.state === "deleted" ? `Resource ${id} is already deleted` : `Resource ${id} is already being deleted`);
    }
    return json(200, { resource_id: id, status: "deleting", message: "Resource deletion initiated" });
  },

  get_available_gpus_available_gpus_get: ({ world }) => json(200, availableGpus(world.inventory)),
  get_available_vendors_available_vendors_get: ({ world }) => json(200, distinct(world.inventory, "vendor")),
  get_available_regions_available_regions_get: ({ world }) =>
    json(
      200,
      distinct(world.inventory, "region").sort((a, b) => rank(a) - rank(b)),
    ),
  get_available_contracts_available_contracts_get: ({ world }) => json(200, distinct(world.inventory, "contract_type")),
  get_available_storage_available_storage_get: ({ world }) => json(200, world.inventory.storage),
};

function rank(region: string): number {
  const i = REGION_ORDER.indexOf(region);
  return i === -1 ? REGION_ORDER.length : i;
}
