/**
 * Type-level checks, run by `pnpm typecheck`: each method resolves to exactly the body openapi-fetch
 * infers for its operation, so the hand-written method signatures cannot drift from the spec.
 */
import type { paths } from "@cdesk/types";
import { expectTypeOf } from "vitest";
import type { CdeskClient, RequestOptions } from "./index.js";
import { OPERATIONS } from "./generated/operations.js";
import type { OperationKey } from "./operation.js";

type Body<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;

declare const cdesk: CdeskClient;

expectTypeOf(cdesk.catalog.gpus).returns.resolves.toEqualTypeOf<Body<"/available_gpus", "get">>();
expectTypeOf(cdesk.catalog.vendors).returns.resolves.toEqualTypeOf<Body<"/available_vendors", "get">>();
expectTypeOf(cdesk.catalog.regions).returns.resolves.toEqualTypeOf<Body<"/available_regions", "get">>();
expectTypeOf(cdesk.catalog.contracts).returns.resolves.toEqualTypeOf<Body<"/available_contracts", "get">>();
expectTypeOf(cdesk.catalog.storage).returns.resolves.toEqualTypeOf<Body<"/available_storage", "get">>();
expectTypeOf(cdesk.offers.search).returns.resolves.toEqualTypeOf<Body<"/get_offers", "post">>();
expectTypeOf(cdesk.offers.get).returns.resolves.toEqualTypeOf<Body<"/offers/{offer_id}", "get">>();
expectTypeOf(cdesk.offers.status).returns.resolves.toEqualTypeOf<Body<"/offers/{offer_id}/status", "get">>();
expectTypeOf(cdesk.offers.procure).returns.resolves.toEqualTypeOf<Body<"/procure_offer", "post">>();
expectTypeOf(cdesk.resources.list).returns.resolves.toEqualTypeOf<Body<"/resources", "get">>();
expectTypeOf(cdesk.resources.get).returns.resolves.toEqualTypeOf<Body<"/resources/{resource_id}", "get">>();
expectTypeOf(cdesk.resources.delete).returns.resolves.toEqualTypeOf<Body<"/resources/{resource_id}", "delete">>();

// Request bodies are the spec's, plus a raw YAML string for the query.
type ProcureBody = paths["/procure_offer"]["post"]["requestBody"]["content"]["application/json"];
expectTypeOf(cdesk.offers.procure).parameter(0).toEqualTypeOf<ProcureBody>();
expectTypeOf(cdesk.offers.search).parameter(0).toEqualTypeOf<
  paths["/get_offers"]["post"]["requestBody"]["content"]["application/yaml"] | string
>();

// Every method's last argument is the per-call options.
expectTypeOf(cdesk.offers.status).parameter(1).toEqualTypeOf<RequestOptions | undefined>();
expectTypeOf(cdesk.resources.delete).parameter(2).toEqualTypeOf<RequestOptions | undefined>();

// The operation table is keyed by the spec's operations: a key the spec does not have does not compile.
expectTypeOf<"GET /offers/{offer_id}/status">().toMatchTypeOf<OperationKey>();
// @ts-expect-error a mistyped path is not an operation
void OPERATIONS["GET /offer/{offer_id}/status"];
// @ts-expect-error nor is a method the path does not have
void OPERATIONS["DELETE /procure_offer"];
