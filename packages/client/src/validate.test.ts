import { describe, expect, it, vi } from "vitest";
import { OPERATIONS } from "./generated/operations.js";
import { CdeskInputError, type CdeskClient } from "./index.js";
import { validate } from "./validate.js";
import { fakeClient, json, OFFER_ID, RESOURCE_ID, valid } from "../test/support/fake-api.js";

const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";
const procure = (extra: Record<string, unknown>) => ({ offer_id: OFFER_ID, ssh_public_key: KEY, ...extra });
const search = (compute: Record<string, unknown>) => ({ compute: { gpu_type: "H100", ...compute } });

type Call = (cdesk: CdeskClient) => Promise<unknown>;
// Arguments are deliberately wrong: `any` lets each row say what a JavaScript caller could pass.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

const INVALID: [description: string, call: Call, field: string, rule: string][] = [
  ["offer id not a uuid", (c) => c.offers.get("not-a-uuid"), "offer_id", "uuid"],
  ["offer id empty", (c) => c.offers.status(""), "offer_id", "uuid"],
  ["offer id with a path in it", (c) => c.offers.get(`${OFFER_ID}/../x`), "offer_id", "uuid"],
  ["offer id missing", (c) => c.offers.get(undefined as Loose), "offer_id", "required"],
  ["offer id a number", (c) => c.offers.status(42 as Loose), "offer_id", "type"],
  ["resource id not a uuid", (c) => c.resources.get("vm-1"), "resource_id", "uuid"],
  ["resource id null on delete", (c) => c.resources.delete(null as Loose), "resource_id", "type"],
  ["forceRefresh not a boolean", (c) => c.resources.get(RESOURCE_ID, { forceRefresh: "yes" as Loose }), "force_refresh", "type"],
  ["force not a boolean", (c) => c.resources.delete(RESOURCE_ID, { force: 1 as Loose }), "force", "type"],
  ["list filter not a uuid", (c) => c.resources.list({ offer_id: "abc" }), "offer_id", "uuid"],
  ["procure body missing", (c) => c.offers.procure(undefined as Loose), "body", "type"],
  ["procure body an array", (c) => c.offers.procure([] as Loose), "body", "type"],
  ["procure body a class instance", (c) => c.offers.procure(new (class Req {})() as Loose), "body", "plain-object"],
  ["procure without offer_id", (c) => c.offers.procure({ ssh_public_key: KEY } as Loose), "offer_id", "required"],
  ["procure offer_id not a uuid", (c) => c.offers.procure(procure({ offer_id: "3f6c1a2e" })), "offer_id", "uuid"],
  ["procure without ssh key", (c) => c.offers.procure({ offer_id: OFFER_ID } as Loose), "ssh_public_key", "required"],
  ["ssh key empty", (c) => c.offers.procure(procure({ ssh_public_key: "" })), "ssh_public_key", "minLength"],
  ["ssh key on two lines", (c) => c.offers.procure(procure({ ssh_public_key: `${KEY}\n${KEY}` })), "ssh_public_key", "pattern"],
  ["ssh key with a carriage return", (c) => c.offers.procure(procure({ ssh_public_key: `${KEY}\r` })), "ssh_public_key", "pattern"],
  ["cloud_init without a known prefix", (c) => c.offers.procure(procure({ cloud_init: "apt install jq" })), "cloud_init", "pattern"],
  ["cloud_init over 65536 characters", (c) => c.offers.procure(procure({ cloud_init: `#!/bin/sh\n${"x".repeat(65536)}` })), "cloud_init", "maxLength"],
  ["cloud_init over 64 KiB in UTF-8", (c) => c.offers.procure(procure({ cloud_init: `#cloud-config\n${"é".repeat(33_000)}` })), "cloud_init", "max-bytes"],
  ["cluster_name a number", (c) => c.offers.procure(procure({ cluster_name: 7 })), "cluster_name", "type"],
  ["procure extra field NaN", (c) => c.offers.procure(procure({ note: Number.NaN })), "note", "finite"],
  ["query a number", (c) => c.offers.search(5 as Loose), "body", "type"],
  ["query empty YAML string", (c) => c.offers.search("  \n"), "query", "required"],
  ["query a Map", (c) => c.offers.search(new Map() as Loose), "body", "plain-object"],
  ["compute without gpu_type", (c) => c.offers.search({ compute: { gpu_count: 1 } } as Loose), "compute.gpu_type", "required"],
  ["gpu_type empty", (c) => c.offers.search(search({ gpu_type: "" })), "compute.gpu_type", "minLength"],
  ["gpu_count zero", (c) => c.offers.search(search({ gpu_count: 0 })), "compute.gpu_count", "minimum"],
  ["gpu_count fractional", (c) => c.offers.search(search({ gpu_count: 1.5 })), "compute.gpu_count", "integer"],
  ["gpu_count a string", (c) => c.offers.search(search({ gpu_count: "8" })), "compute.gpu_count", "type"],
  ["gpu_count infinite", (c) => c.offers.search(search({ gpu_count: Infinity })), "compute.gpu_count", "finite"],
  ["price cap zero", (c) => c.offers.search(search({ max_price_per_gpu_hour: 0 })), "compute.max_price_per_gpu_hour", "exclusiveMinimum"],
  ["price cap negative", (c) => c.offers.search(search({ max_price_per_gpu_hour: -1 })), "compute.max_price_per_gpu_hour", "exclusiveMinimum"],
  ["price cap NaN", (c) => c.offers.search(search({ max_price_per_gpu_hour: Number.NaN })), "compute.max_price_per_gpu_hour", "finite"],
  ["min boot disk zero", (c) => c.offers.search(search({ min_boot_disk_gb: 0 })), "compute.min_boot_disk_gb", "minimum"],
  ["max procure time zero", (c) => c.offers.search({ max_procure_time_seconds: 0 }), "max_procure_time_seconds", "minimum"],
  ["vendor empty", (c) => c.offers.search({ vendor: "" }), "vendor", "minLength"],
  ["region a number", (c) => c.offers.search({ region: 1 as Loose }), "region", "type"],
  ["region null", (c) => c.offers.search({ region: null as Loose }), "region", "type"],
  ["supports_cilium a string", (c) => c.offers.search({ network: { supports_cilium: "true" as Loose } }), "network.supports_cilium", "type"],
  ["storage not a list", (c) => c.offers.search({ storage: { type: "block_disk" } as Loose }), "storage", "type"],
  ["storage volume without type", (c) => c.offers.search({ storage: [{ size: "1TB" } as Loose] }), "storage[0].type", "required"],
  ["storage size without a unit", (c) => c.offers.search({ storage: [{ type: "block_disk" }, { type: "filesystem", size: "500" }] }), "storage[1].size", "pattern"],
  ["storage persistent a string", (c) => c.offers.search({ storage: [{ type: "block_disk", persistent: "no" as Loose }] }), "storage[0].persistent", "type"],
  ["extra query field a Date", (c) => c.offers.search({ since: new Date() } as Loose), "since", "plain-object"],
  ["lone surrogate in the query", (c) => c.offers.search({ vendor: "neb\ud800ius" }), "vendor", "unicode"],
  ["per-call timeout zero", (c) => c.catalog.gpus({ timeoutMs: 0 }), "timeoutMs", "range"],
  ["per-call retries negative", (c) => c.catalog.vendors({ maxRetries: -1 }), "maxRetries", "range"],
];

describe("invalid input is refused before anything is sent", () => {
  it("has a row for at least 30 cases", () => expect(INVALID.length).toBeGreaterThanOrEqual(30));

  it.each(INVALID)("%s", async (_, call, field, rule) => {
    const { client, fetch } = fakeClient([valid]);
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskInputError);
    expect(error).toMatchObject({ field, rule });
    expect((error as Error).message).toContain(`Invalid ${field}: `);
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe("valid input goes through", () => {
  const VALID: [string, Call][] = [
    ["unknown values of open string sets", (c) => c.offers.search({ region: "MARS", compute: { gpu_type: "X1", contract_type: "reserved", type: "bare-metal" }, storage: [{ type: "object_store", class: "glacier" }] })],
    ["extra fields the spec does not name", (c) => c.offers.search({ future_filter: { any: ["thing", 1, null] } } as Loose)],
    ["an empty query", (c) => c.offers.search({})],
    ["a raw YAML string, unchecked", (c) => c.offers.search("compute: {gpu_count: 0}\n")],
    ["cloud_init null", (c) => c.offers.procure(procure({ cloud_init: null }))],
    ["cloud_init at exactly 64 KiB of UTF-8", (c) => c.offers.procure(procure({ cloud_init: `#!/${"x".repeat(65536 - 3)}` }))],
    ["emoji counted as 4 bytes", (c) => c.offers.procure(procure({ cloud_init: `#!/${"😀".repeat(16383)}` }))],
    ["undefined optional fields", (c) => c.offers.procure(procure({ cloud_init: undefined, cluster_name: undefined }))],
    ["an upper-case uuid", (c) => c.offers.get(OFFER_ID.toUpperCase())],
    ["a null list filter", (c) => c.resources.list({ offer_id: null })],
    ["storage sizes with units", (c) => c.offers.search({ storage: [{ type: "block_disk", size: "500GB" }, { type: "filesystem", size: "1.5 TiB" }] })],
  ];
  it.each(VALID)("%s", async (_, call) => {
    const { client, fetch } = fakeClient([valid]);
    await expect(call(client)).resolves.toBeDefined();
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});

it("builds no error message while the checks pass (validation runs on every call)", () => {
  const stringify = vi.spyOn(JSON, "stringify");
  const rules = OPERATIONS["POST /procure_offer"].request!;
  validate(procure({ cloud_init: "#cloud-config\npackages: [jq]" }), rules.body!, "");
  expect(stringify).not.toHaveBeenCalled();
  stringify.mockRestore();
  expect(() => validate(procure({ offer_id: "nope" }), rules.body!, "")).toThrow('got "nope"');
});
