/**
 * `createCdeskClient`: the operations of the Supply API grouped as users think of them. Each method
 * checks its arguments against the spec's constraints, sends through the shared transport and
 * resolves to the typed body.
 */
import type {
  AvailableGpus,
  AvailableStorage,
  CatalogListing,
  DeleteResourceResponse,
  GetOffersResponse,
  OfferDetails,
  OffersQuery,
  OfferStatusResponse,
  paths,
  ProcureOfferRequest,
  ProcureOfferResponse,
  Resource,
} from "@cdesk/types";
import type { RequestTarget } from "./errors.js";
import { OPERATIONS } from "./generated/operations.js";
import { targetOf, type OperationKey } from "./operation.js";
import { resolveOptions, type CdeskClientOptions, type RequestOptions } from "./options.js";
import { createTransport, type RawClient, type SendInit } from "./transport.js";
import { jsonTypeOf } from "./response-shape.js";
import { dropTrailingBreak, fail, validate, type SchemaRule } from "./validate.js";

export interface CdeskClient {
  /** What can be requested. */
  catalog: {
    /** GPU families and their canonical variant names. */
    gpus(options?: RequestOptions): Promise<AvailableGpus>;
    /** `GET /available_vendors`: the vendors offers come from. */
    vendors(options?: RequestOptions): Promise<CatalogListing>;
    /** `GET /available_regions`: the regions, by group. */
    regions(options?: RequestOptions): Promise<CatalogListing>;
    /** `GET /available_contracts`: the contract types (on-demand, spot, ...). */
    contracts(options?: RequestOptions): Promise<CatalogListing>;
    /** `GET /available_storage`: storage per vendor and region, with prices. */
    storage(options?: RequestOptions): Promise<AvailableStorage>;
  };
  offers: {
    /** `POST /get_offers`: a typed query (sent as YAML) or a raw YAML string (sent as-is). */
    search(query: OffersQuery | string, options?: RequestOptions): Promise<GetOffersResponse>;
    /** `GET /offers/{offer_id}`: one offer in detail. */
    get(offerId: string, options?: RequestOptions): Promise<OfferDetails>;
    /** Poll this after `procure` until `procurement_status` is `ready` or `failed`. */
    status(offerId: string, options?: RequestOptions): Promise<OfferStatusResponse>;
    /**
     * Not idempotent: retried only on 429 or a refused connection. Any other failure that may have
     * reached the server has `outcomeUnknown: true`: check `status` before procuring again.
     */
    procure(request: ProcureOfferRequest, options?: RequestOptions): Promise<ProcureOfferResponse>;
  };
  resources: {
    /** `GET /resources`: what you have provisioned, optionally only what one offer created. */
    list(query?: { offer_id?: string | null }, options?: RequestOptions): Promise<Resource[]>;
    /** `forceRefresh` bypasses the server's 30 s reconciliation cooldown. */
    get(resourceId: string, query?: { forceRefresh?: boolean }, options?: RequestOptions): Promise<Resource>;
    /** Asynchronous: the resource goes `deleting` then `deleted`. 409 if already deleted. */
    delete(resourceId: string, query?: { force?: boolean }, options?: RequestOptions): Promise<DeleteResourceResponse>;
  };
  /**
   * The underlying openapi-fetch client, with the same auth, retries, timeouts, logging and response
   * checks. Its calls throw the same typed errors (so `error` in its result is always undefined); it
   * does not validate arguments. It has no `use`/`eject` (openapi-fetch middleware): wrap the
   * client's `fetch` option instead.
   */
  raw: RawClient;
}

/** Each key split once into method and path, so a call does no string work to find its row. */
const TARGETS = Object.fromEntries(Object.keys(OPERATIONS).map((key) => [key, targetOf(key)])) as Record<OperationKey, RequestTarget>;

export function createCdeskClient(options?: CdeskClientOptions): CdeskClient {
  const { send, raw } = createTransport(resolveOptions(options));

  /** Validates, sends, and resolves to the body: one line per method below. */
  const call = <T>(key: OperationKey, init: SendInit, options: RequestOptions | undefined): Promise<T> => {
    try {
      check(key, init);
    } catch (error) {
      return Promise.reject(error);
    }
    const { method, path } = TARGETS[key];
    return send(OPERATIONS[key], method, path, init, options) as Promise<T>;
  };


  return {
    catalog: {
      gpus: (options) => call("GET /available_gpus", {}, options),
      vendors: (options) => call("GET /available_vendors", {}, options),
      regions: (options) => call("GET /available_regions", {}, options),
      contracts: (options) => call("GET /available_contracts", {}, options),
      storage: (options) => call("GET /available_storage", {}, options),
    },
    offers: {
      search: (query, options) => call("POST /get_offers", { body: query }, options),
      get: (offerId, options) => call("GET /offers/{offer_id}", { params: { path: { offer_id: offerId } } }, options),
      status: (offerId, options) =>
        call("GET /offers/{offer_id}/status", { params: { path: { offer_id: offerId } } }, options),
      procure: (request, options) => call("POST /procure_offer", { body: request }, options),
    },
    resources: {
      list: (query, options) => call("GET /resources", { params: { query } }, options),
      get: (resourceId, query, options) =>
        call(
          "GET /resources/{resource_id}",
          { params: { path: { resource_id: resourceId }, query: { force_refresh: query?.forceRefresh } } },
          options,
        ),
      delete: (resourceId, query, options) =>
        call(
          "DELETE /resources/{resource_id}",
          { params: { path: { resource_id: resourceId }, query: { force: query?.force } } },
          options,
        ),
    },
    raw,
  };
}

/**
 * The arguments a method received, against the spec's rules for its operation. Normalises what the
 * rules allow in a second form (a key file's trailing line break) in `init`.
 */
function check(key: OperationKey, init: SendInit): void {
  const { request, encoding } = OPERATIONS[key];
  if (!request) return;
  if (request.path) checkPathParams(init.params?.path, request.path);
  if (request.query) checkParams(init.params?.query, request.query, "query");
  if (!request.body) return;
  // A YAML query may be the caller's own text: the transport only checks it is not empty.
  if (encoding === "yaml" && typeof init.body === "string") return;
  validate(init.body, request.body, "");
  init.body = dropTrailingBreak(init.body, request.body);
}

/** Path parameters: the method built the object that holds them, so only their values are checked. */
function checkPathParams(params: Record<string, unknown> | undefined, rule: SchemaRule): void {
  for (const name of rule.required ?? []) {
    const value = params?.[name];
    if (value === undefined) fail(name, "required", "is required");
    validate(value, rule.properties![name]!, name);
  }
}

/** Query parameters come as one object of names (an array would be sent as `?0=...`). */
function checkParams(value: unknown, rule: SchemaRule, name: string): void {
  if (value === undefined) return;
  const type = jsonTypeOf(value);
  if (type !== "object") fail(name, "type", `must be an object of parameters, not ${type}`);
  validate(value, rule, "");
}
