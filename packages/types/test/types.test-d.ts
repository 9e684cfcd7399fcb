import { describe, expectTypeOf, test } from "vitest";
import type {
  Offer,
  OfferDetails,
  OfferStatusResponse,
  OffersQuery,
  OperationId,
  ProcureOfferRequest,
  ProcurementStatus,
  RegionGroup,
  Resource,
  paths,
} from "../src/index.js";

describe("ProcureOfferRequest", () => {
  test("offer_id and ssh_public_key are required", () => {
    // @ts-expect-error ssh_public_key is required
    const noKey: ProcureOfferRequest = { offer_id: "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11" };
    // @ts-expect-error offer_id is required
    const noOffer: ProcureOfferRequest = { ssh_public_key: "ssh-ed25519 AAAA" };
    expectTypeOf(noKey).toEqualTypeOf<ProcureOfferRequest>();
    expectTypeOf(noOffer).toEqualTypeOf<ProcureOfferRequest>();
  });

  test("cloud_init and cluster_name are optional and nullable", () => {
    expectTypeOf<ProcureOfferRequest["cloud_init"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ProcureOfferRequest["cluster_name"]>().toEqualTypeOf<string | null | undefined>();
  });
});

describe("nullable response fields", () => {
  test("offer prices and hardware facts may be null", () => {
    expectTypeOf<OfferDetails["gpu_price_per_hour"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<OfferDetails["boot_disk_in_gb"]>().toEqualTypeOf<number | null | undefined>();
    expectTypeOf<OfferDetails["procured_at"]>().toEqualTypeOf<string | null | undefined>();
  });

  test("documented required fields are not optional", () => {
    expectTypeOf<OfferDetails["offer_id"]>().toEqualTypeOf<string>();
    expectTypeOf<OfferDetails["gpu_count"]>().toEqualTypeOf<number>();
    expectTypeOf<Resource["resource_id"]>().toEqualTypeOf<string>();
    expectTypeOf<Offer["created_at"]>().toEqualTypeOf<string>();
  });

  test("instances are always an array; their connection details may be missing", () => {
    expectTypeOf<OfferStatusResponse["instances"]>().toBeArray();
    expectTypeOf<OfferStatusResponse["instances"][number]["ssh_command"]>().toEqualTypeOf<
      string | null | undefined
    >();
  });
});

describe("open string sets", () => {
  test("known values autocomplete, unknown values are still accepted", () => {
    expectTypeOf<"ready">().toExtend<ProcurementStatus>();
    expectTypeOf<"provisioning_started">().toExtend<ProcurementStatus>();
    expectTypeOf<"some_future_stage">().toExtend<ProcurementStatus>();
    expectTypeOf<"EU">().toExtend<RegionGroup>();
    expectTypeOf<"Antarctica">().toExtend<RegionGroup>();
    // ...but the set is not collapsed to plain `string`: the literals are still there.
    expectTypeOf<Extract<ProcurementStatus, "ready">>().toEqualTypeOf<"ready">();
  });

  test("a number is not a status", () => {
    // @ts-expect-error statuses are strings
    const status: ProcurementStatus = 3;
    expectTypeOf(status).toEqualTypeOf<ProcurementStatus>();
  });
});

describe("OffersQuery (the YAML body of POST /get_offers)", () => {
  test("a documented query compiles", () => {
    const query: OffersQuery = {
      vendor: "nebius",
      region: "EU",
      max_procure_time_seconds: 300,
      compute: { gpu_type: "H100", gpu_count: 8, max_price_per_gpu_hour: 4, contract_type: "ondemand" },
      network: { supports_cilium: true },
      storage: [{ type: "filesystem", class: "premium", size: "2TB", persistent: true }],
    };
    expectTypeOf(query).toEqualTypeOf<OffersQuery>();
  });

  test("compute needs a gpu_type and a storage volume needs a type", () => {
    // @ts-expect-error gpu_type is required
    const noGpu: OffersQuery = { compute: { gpu_count: 1 } };
    // @ts-expect-error type is required
    const noType: OffersQuery = { storage: [{ size: "500GB" }] };
    // @ts-expect-error gpu_count is a number
    const badCount: OffersQuery = { compute: { gpu_type: "H100", gpu_count: "1" } };
    expectTypeOf([noGpu, noType, badCount]).toEqualTypeOf<OffersQuery[]>();
  });

  test("is the request body openapi-fetch sends", () => {
    expectTypeOf<
      paths["/get_offers"]["post"]["requestBody"]["content"]["application/yaml"]
    >().toEqualTypeOf<OffersQuery>();
  });
});

test("every documented operation is present", () => {
  expectTypeOf<OperationId>().toEqualTypeOf<
    | "get_offers_get_offers_post"
    | "get_offer_details_offers__offer_id__get"
    | "get_offer_status_offers__offer_id__status_get"
    | "procure_offer_procure_offer_post"
    | "list_resources_resources_get"
    | "get_resource_resources__resource_id__get"
    | "delete_resource_resources__resource_id__delete"
    | "get_available_gpus_available_gpus_get"
    | "get_available_vendors_available_vendors_get"
    | "get_available_regions_available_regions_get"
    | "get_available_contracts_available_contracts_get"
    | "get_available_storage_available_storage_get"
  >();
});
