// Every kind of upstream change reaches the summary, through the repository's real overlay: the
// overlay adds and narrows, so none of upstream's nodes is hidden behind a copy of our own.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { composeSpec } from "../src/compose-spec.mjs";
import { fromYaml } from "../src/spec-yaml.mjs";
import { repoUpstream, scratchRepo } from "./fixtures.mjs";
import { removeScratch, runCli, snapshot } from "./helpers.mjs";

/** @type {string[]} */
const scratch = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map(removeScratch));
});

/**
 * `pnpm spec:update next.yaml --dry-run` on a scratch repository, with the repository's upstream
 * changed by `change`.
 * @param {(spec: any) => void} change
 */
async function dryRun(change) {
  const root = await scratchRepo();
  scratch.push(root);
  const spec = await repoUpstream();
  spec.info.version = "0.2.0";
  change(spec);
  await writeFile(join(root, "next.yaml"), stringify(spec));
  const before = await snapshot(root);
  const result = await runCli(["next.yaml", "--dry-run"], { root });
  expect(await snapshot(root), "--dry-run writes nothing").toEqual(before);
  return { ...result, lines: result.stdout.split("\n") };
}

const DELETE = "/resources/{resource_id}";
/** @param {any} spec @param {string} path @param {string} method @param {string} name */
const parameter = (spec, path, method, name) => spec.paths[path][method].parameters.find((/** @type {any} */ p) => p.name === name);

describe("a breaking upstream change is marked BREAKING in the summary", () => {
  it.each([
    [
      "parameter removed (force of DELETE /resources/{resource_id})",
      (/** @type {any} */ spec) => {
        spec.paths[DELETE].delete.parameters = spec.paths[DELETE].delete.parameters.filter((/** @type {any} */ p) => p.name !== "force");
      },
      "BREAKING  request DELETE /resources/{resource_id} query parameter force: removed",
      null,
    ],
    [
      "parameter type changed (force becomes a string)",
      (/** @type {any} */ spec) => {
        parameter(spec, DELETE, "delete", "force").schema = { type: "string", title: "Force" };
      },
      "BREAKING  request DELETE /resources/{resource_id} query parameter force: type changed from boolean to string",
      null,
    ],
    [
      "parameter made required (force_refresh of GET /resources/{resource_id})",
      (/** @type {any} */ spec) => {
        parameter(spec, DELETE, "get", "force_refresh").required = true;
      },
      "BREAKING  request GET /resources/{resource_id} query parameter force_refresh: now required",
      null,
    ],
    [
      "path parameter type changed (offer_id, which the overlay used to re-declare)",
      (/** @type {any} */ spec) => {
        parameter(spec, "/offers/{offer_id}", "get", "offer_id").schema = { type: "integer", title: "Offer Id" };
      },
      "BREAKING  request GET /offers/{offer_id} path parameter offer_id: type changed from string to integer",
      null,
    ],
    [
      "response field removed (OfferStatus.progress)",
      (/** @type {any} */ spec) => {
        delete spec.components.schemas.OfferStatus.properties.progress;
      },
      "BREAKING  response OfferStatus.progress: field removed",
      'example "provisioning_started" of GET /offers/{offer_id}/status 200 response (application/json): Example value must conform to the schema: must NOT have unevaluated properties `progress`.',
    ],
    [
      "response field removed where the overlay narrows it (ProcureOfferResponse.status, an open set of ours)",
      (/** @type {any} */ spec) => {
        delete spec.components.schemas.ProcureOfferResponse.properties.status;
      },
      "BREAKING  response ProcureOfferResponse.status: field removed",
      'example "procured" of POST /procure_offer 200 response (application/json)',
    ],
    [
      "response field type changed where the overlay narrows it (DeleteResourceResponse.status)",
      (/** @type {any} */ spec) => {
        spec.components.schemas.DeleteResourceResponse.properties.status = { type: "integer", title: "Status" };
      },
      "BREAKING  response DeleteResourceResponse.status: type changed from string to integer",
      'example "deleting" of DELETE /resources/{resource_id} 200 response (application/json): Example value must conform to the schema: `status` property type must be integer.',
    ],
    [
      "operation removed (GET /available_contracts)",
      (/** @type {any} */ spec) => {
        delete spec.paths["/available_contracts"];
      },
      "BREAKING  GET /available_contracts: operation removed (get_available_contracts_available_contracts_get)",
      null,
    ],
  ])("%s", async (_, change, line, exampleToUpdate) => {
    const { status, lines, stderr } = await dryRun(change);
    // A change that invalidates one of the overlay's named examples stops the update (exit 1),
    // after the summary, naming the example; the others would apply.
    expect(status).toBe(exampleToUpdate ? 1 : 0);
    if (exampleToUpdate) expect(stderr).toContain(exampleToUpdate);
    expect(lines[0]).toMatch(/^[1-9]\d* breaking changes?, /);
    expect(lines).toContain(line);
  });

  // Upstream declares no enum today: the scratch repository starts from an update that added one
  // (composed here, as the tool composes it), and the next upstream removes a value.
  it("enum value removed (a request parameter's closed set loses a value)", async () => {
    const root = await scratchRepo();
    scratch.push(root);
    const spec = await repoUpstream();
    const vendor = { name: "vendor", in: "query", required: false, schema: { type: "string", enum: ["nebius", "scaleway", "hyperstack"], title: "Vendor" } };
    spec.paths["/resources"].get.parameters.push(vendor);
    const read = async (/** @type {string} */ file) => fromYaml(await readFile(join(root, "openapi", file), "utf8"));
    const v2 = composeSpec(structuredClone(spec), await read("overlay.yaml"), await read("supply-api.yaml"));
    await writeFile(join(root, "openapi/upstream.yaml"), stringify(spec));
    await writeFile(join(root, "openapi/supply-api.yaml"), v2.text);

    vendor.schema.enum = ["nebius", "scaleway"];
    await writeFile(join(root, "v3.yaml"), stringify({ ...spec, info: { ...spec.info, version: "0.2.0" } }));
    const { status, stdout } = await runCli(["v3.yaml", "--dry-run"], { root });

    expect(status).toBe(0);
    expect(stdout.split("\n")).toContain('BREAKING  request GET /resources query parameter vendor: value removed: "hyperstack"');
  });
});

describe("a change to a field the overlay narrows", () => {
  // The composed specs see upstream's new enum beside our open set; the summary also lists the
  // change as upstream made it (the two upstream documents are diffed too), so it cannot be lost.
  it("is listed both as the composed spec sees it and as upstream made it", async () => {
    const { status, lines } = await dryRun((spec) => {
      spec.components.schemas.OfferDetails.properties.status.enum = ["available", "procured", "failed", "expired"];
    });
    expect(status).toBe(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        "          response OfferDetails.status: only the listed values are allowed now (a closed set)",
        '          response OfferDetails.status: now one of: "available", "procured", "failed", "expired"',
      ]),
    );
  });
});

describe("constraint-only upstream changes are itemised", () => {
  it("lists each changed pattern, length, bound and format, breaking when a request accepts less", async () => {
    const { status, lines } = await dryRun((spec) => {
      const request = spec.components.schemas.ProcureOfferRequest.properties;
      request.ssh_public_key.minLength = 16;
      request.cluster_name.anyOf[0].maxLength = 63;
      request.cluster_name.anyOf[0].pattern = "^[a-z0-9-]+$";
      spec.components.schemas.GetOffersSummary.properties.gpu_count.minimum = 1;
      spec.components.schemas.ResourceAccess.properties.ssh_port.anyOf[0].maximum = 65535;
      delete spec.components.schemas.OfferHistoryEntry.properties.created_at.anyOf[0].format;
      parameter(spec, "/resources", "get", "offer_id").schema.anyOf[0].format = "uri";
    });
    expect(status).toBe(0);
    expect(lines).toEqual(
      expect.arrayContaining([
        "BREAKING  request ProcureOfferRequest.ssh_public_key: constraint changed: minLength 1 → 16 (stricter)",
        "BREAKING  request ProcureOfferRequest.cluster_name: constraint added: maxLength 63 (stricter)",
        'BREAKING  request ProcureOfferRequest.cluster_name: constraint added: pattern "^[a-z0-9-]+$" (stricter)',
        'BREAKING  request GET /resources query parameter offer_id: constraint changed: format "uuid" → "uri" (stricter)',
        'BREAKING  response OfferHistoryEntry.created_at: constraint removed: format "date-time" (looser)',
        "          response GetOffersSummary.gpu_count: constraint added: minimum 1 (stricter)",
        "          response ResourceAccess.ssh_port: constraint added: maximum 65535 (stricter)",
      ]),
    );
  });
});

describe("--dry-run when upstream's change breaks the overlay", () => {
  it("prints the summary and names each named example to update, then exits 1", async () => {
    const { status, lines, stderr } = await dryRun((spec) => {
      spec.components.schemas.OfferStatus.properties.progress = { anyOf: [{ type: "integer" }, { type: "null" }], title: "Progress" };
    });
    expect(status).toBe(1);
    expect(lines).toContain("BREAKING  response OfferStatus.progress: type changed from string to integer");
    expect(stderr).toContain("Named examples in openapi/overlay.yaml that no longer match upstream's schemas; update them:");
    for (const example of ["provisioning_started", "provisioning_in_progress", "ready"]) {
      expect(stderr).toContain(`example "${example}" of GET /offers/{offer_id}/status 200 response (application/json)`);
    }
    expect(stderr).not.toContain('example "available"');
  });

  it("stops with the summary when upstream changes the one node the overlay replaces (the YAML body of /get_offers)", async () => {
    const { status, lines, stderr } = await dryRun((spec) => {
      spec.paths["/get_offers"].post.requestBody.content["application/yaml"].schema = { type: "string", maxLength: 4096 };
    });
    expect(status).toBe(1);
    expect(lines).toContain("BREAKING  request POST /get_offers request body: constraint added: maxLength 4096 (stricter)");
    expect(stderr).toContain("upstream changed a node that openapi/overlay.yaml replaces (nothing was written):");
    expect(stderr).toContain(`$.paths['/get_offers'].post.requestBody.content['application/yaml'].schema was {"type":"string"}, upstream now has {"type":"string","maxLength":4096}`);
  });
});
