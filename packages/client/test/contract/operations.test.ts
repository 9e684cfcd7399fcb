/**
 * Every operation through the methods and through `raw`, against the Prism mock started from the
 * spec @cdesk/types ships (via @cdesk/mock, which puts a YAML-to-JSON front before Prism).
 * Error statuses come from the spec's own examples via `Prefer: code=NNN`.
 */
import { startMockServer, type MockServer } from "@cdesk/mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuthenticationError,
  ConflictError,
  createCdeskClient,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
  UnprocessableEntityError,
  type CdeskClient,
} from "../../src/index.js";
import { OFFER_ID, RESOURCE_ID } from "../support/fake-api.js";

const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";
const QUERY = { region: "EU", compute: { gpu_type: "H100", gpu_count: 1, max_price_per_gpu_hour: 5, contract_type: "ondemand" } };
const prefer = (value: string) => ({ headers: { Prefer: value } });

let mock: MockServer;
let cdesk: CdeskClient;

beforeAll(async () => {
  mock = await startMockServer({ port: 0 });
  cdesk = createCdeskClient({ baseUrl: mock.url, token: "contract-test-token", maxRetries: 0, logLevel: "off" });
}, 60_000);
afterAll(() => mock?.close());

describe("catalog", () => {
  it("gpus", async () => {
    const expected = { H100: ["nvidia-h100-sxm5-80gb", "nvidia-h100-pcie-80gb"] };
    expect(await cdesk.catalog.gpus()).toMatchObject(expected);
    expect((await cdesk.raw.GET("/available_gpus")).data).toMatchObject(expected);
  });

  it.each([
    ["vendors", "/available_vendors", ["nebius", "hyperstack", "scaleway"]],
    ["regions", "/available_regions", ["US", "EU", "APAC", "Other"]],
    ["contracts", "/available_contracts", ["ondemand", "spot"]],
  ] as const)("%s", async (name, path, expected) => {
    expect(await cdesk.catalog[name]()).toEqual(expected);
    expect((await cdesk.raw.GET(path)).data).toEqual(expected);
  });

  it("storage", async () => {
    const storage = await cdesk.catalog.storage();
    expect(storage).toEqual((await cdesk.raw.GET("/available_storage")).data);
    expect(storage).toContainEqual(expect.objectContaining({ vendor: "nebius", type: "block_disk" }));
  });
});

describe("offers", () => {
  it("search with a typed query (sent as YAML)", async () => {
    const found = await cdesk.offers.search(QUERY);
    expect(found.offers[0]?.offer_id).toBe(OFFER_ID);
    expect(found.total_count).toBe(2);
    const { data } = await cdesk.raw.POST("/get_offers", { body: QUERY });
    expect(data).toEqual(found);
  });

  it("search with a YAML string, and a named example", async () => {
    const yaml = "compute:\n  gpu_type: B200\n  gpu_count: 8\n";
    expect((await cdesk.offers.search(yaml, prefer("example=no_match"))).offers).toEqual([]);
  });

  it("search the server refuses: 422 with the invalid fields", async () => {
    const error = await cdesk.offers.search("compute:\n  gpu_count: 0\n").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect((error as UnprocessableEntityError).detail.length).toBeGreaterThan(0);
  });

  it("get, and a procured offer", async () => {
    expect((await cdesk.offers.get(OFFER_ID)).status).toBe("available");
    expect((await cdesk.offers.get(OFFER_ID, prefer("example=procured"))).procured_at).toBe("2026-11-29T10:05:00Z");
    const { data } = await cdesk.raw.GET("/offers/{offer_id}", { params: { path: { offer_id: OFFER_ID } } });
    expect(data?.offer_id).toBe(OFFER_ID);
  });

  it("get a missing offer: 404", async () => {
    await expect(cdesk.offers.get(OFFER_ID, prefer("code=404"))).rejects.toBeInstanceOf(NotFoundError);
  });

  it("status through every stage the spec names", async () => {
    for (const stage of ["available", "provisioning_started", "provisioning_in_progress", "ready", "failed"]) {
      expect((await cdesk.offers.status(OFFER_ID, prefer(`example=${stage}`))).procurement_status).toBe(stage);
    }
    const { data } = await cdesk.raw.GET("/offers/{offer_id}/status", {
      params: { path: { offer_id: OFFER_ID } },
      headers: { Prefer: "example=ready" },
    });
    expect(data?.instances[0]?.ssh_command).toBe("ssh root@203.0.113.10");
  });

  it("procure", async () => {
    const procured = await cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY, cloud_init: "#cloud-config\n" });
    expect(procured).toMatchObject({ offer_id: OFFER_ID, status: "provisioning_in_progress" });
    const { data } = await cdesk.raw.POST("/procure_offer", {
      body: { offer_id: OFFER_ID, ssh_public_key: SSH_KEY },
      headers: { Prefer: "example=procured" },
    });
    expect(data?.status).toBe("procured");
  });

  it("procure an expired offer: 410", async () => {
    const error = await cdesk.offers
      .procure({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY }, prefer("code=410"))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfferExpiredError);
    expect((error as OfferExpiredError).message).toContain(`Offer ${OFFER_ID} has expired`);
  });
});

describe("resources", () => {
  it("list, all and by offer", async () => {
    const all = await cdesk.resources.list();
    expect(all[0]?.resource_id).toBe(RESOURCE_ID);
    expect(await cdesk.resources.list({ offer_id: OFFER_ID })).toEqual(all);
    const { data } = await cdesk.raw.GET("/resources", { params: { query: { offer_id: OFFER_ID } } });
    expect(data).toEqual(all);
  });

  it("get, with and without a forced refresh", async () => {
    expect((await cdesk.resources.get(RESOURCE_ID)).status).toBe("running");
    expect((await cdesk.resources.get(RESOURCE_ID, { forceRefresh: true }, prefer("example=deleted"))).status).toBe("deleted");
    const { data } = await cdesk.raw.GET("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID } } });
    expect(data?.resource_id).toBe(RESOURCE_ID);
  });

  it("delete", async () => {
    expect(await cdesk.resources.delete(RESOURCE_ID, { force: true })).toMatchObject({ status: "deleting" });
    const { data } = await cdesk.raw.DELETE("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID } } });
    expect(data?.status).toBe("deleting");
  });

  it("delete an already deleted resource: 409", async () => {
    await expect(cdesk.resources.delete(RESOURCE_ID, {}, prefer("code=409"))).rejects.toBeInstanceOf(ConflictError);
  });
});

describe("authentication and validation at the server", () => {
  it("401 without a token", async () => {
    const error = await cdesk.raw.GET("/available_gpus", { headers: { Authorization: null } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, path: "/available_gpus" });
  });

  it("403 as the spec documents it", async () => {
    await expect(cdesk.catalog.regions(prefer("code=403"))).rejects.toBeInstanceOf(PermissionDeniedError);
  });

  it("422 for a malformed id sent through raw (methods refuse it before sending)", async () => {
    const error = await cdesk.raw
      .GET("/offers/{offer_id}", { params: { path: { offer_id: "not-a-uuid" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, method: "GET" });
  });
});
