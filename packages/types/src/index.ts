/**
 * Types for the Compute Desk Supply API, generated from `openapi/supply-api.yaml`.
 *
 * `paths`, `components` and `operations` are what openapi-fetch consumes; every schema is also
 * exported under its spec name (e.g. `OfferDetails`, `ProcureOfferRequest`). The aliases below
 * give the most used ones the names people say out loud.
 *
 * The spec itself ships beside these types as `@cdesk/types/openapi.yaml`, so a mock started from
 * it always matches the types you compile against.
 */
export type * from "./generated/api.js";

import type { components, operations } from "./generated/api.js";

type Schemas = components["schemas"];

/** One offer from `POST /get_offers` (the spec's `GetOffersSummary`). Expires 30 minutes after creation. */
export type Offer = Schemas["GetOffersSummary"];

/** The body of `POST /get_offers` as a typed object: vendor, region, compute, network, storage. */
export type OffersQuery = Schemas["OfferQuery"];

/** The answer of `GET /offers/{offer_id}/status`: the procurement stage and the instances. */
export type OfferStatusResponse = Schemas["OfferStatus"];

/** One provisioned instance in an offer status; `ssh_command` is set once it is ready. */
export type Instance = Schemas["ProvisionedInstance"];

/** A provisioned resource (VM, volume, ...) from `GET /resources` or `GET /resources/{id}`. */
export type Resource = Schemas["ResourceSummary"];

/** The `detail` body FastAPI sends with 401, 403, 404, 409 and 410. */
export type ApiErrorBody = Schemas["ErrorResponse"];

/** The body of a 422: one item per invalid field. */
export type ValidationErrorBody = Schemas["HTTPValidationError"];

/** Every operationId of the API. */
export type OperationId = keyof operations;
