import { describe, expect, it } from "vitest";
import { diffSpecs } from "./diff-specs.mjs";

/** A small spec in FastAPI's shape: one procure operation, one status operation. */
function spec() {
  return {
    openapi: "3.1.0",
    info: { title: "Supply Service", version: "0.1.0" },
    paths: {
      "/procure_offer": {
        post: {
          operationId: "procure_offer_procure_offer_post",
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/ProcureOfferRequest" } } } },
          responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/ProcureOfferResponse" } } } } },
        },
      },
      "/offers/{offer_id}/status": {
        get: {
          operationId: "get_offer_status",
          parameters: [{ name: "offer_id", in: "path", required: true, schema: { type: "string" } }],
          responses: { "200": { description: "OK", content: { "application/json": { schema: { $ref: "#/components/schemas/OfferStatus" } } } } },
        },
      },
    },
    components: {
      schemas: {
        ProcureOfferRequest: {
          type: "object",
          required: ["offer_id"],
          properties: { offer_id: { type: "string" }, cloud_init: { anyOf: [{ type: "string" }, { type: "null" }] }, region: { $ref: "#/components/schemas/RegionGroup" } },
        },
        ProcureOfferResponse: {
          type: "object",
          required: ["status"],
          properties: { status: { $ref: "#/components/schemas/ProcureStatus" }, resource_ids: { type: "array", items: { type: "string" } } },
        },
        OfferStatus: {
          type: "object",
          required: ["procurement_status", "instances"],
          properties: {
            procurement_status: { type: "string", enum: ["ready", "failed"] },
            instances: { type: "array", items: { $ref: "#/components/schemas/Instance" } },
            progress: { type: "string" },
          },
        },
        Instance: { type: "object", properties: { external_ip: { type: "string" }, status: { $ref: "#/components/schemas/ProcureStatus" } } },
        RegionGroup: { anyOf: [{ type: "string", enum: ["US", "EU"] }, { type: "string" }] },
        ProcureStatus: { anyOf: [{ type: "string", enum: ["procured", "failed"] }, { type: "string" }] },
      },
    },
  };
}

/** @param {(doc: any) => void} edit */
function changesAfter(edit) {
  const next = spec();
  edit(next);
  return diffSpecs(spec(), next);
}

describe("diffSpecs", () => {
  it("finds nothing between equal specs", () => {
    expect(diffSpecs(spec(), spec())).toEqual([]);
  });

  it("reports operations added (not breaking) and removed (breaking)", () => {
    expect(
      changesAfter((doc) => {
        doc.paths["/available_gpus"] = { get: { operationId: "gpus", responses: {} } };
        delete doc.paths["/procure_offer"];
      }),
    ).toEqual([
      { breaking: false, scope: "operation", where: "GET /available_gpus", change: "operation added (gpus)" },
      { breaking: true, scope: "operation", where: "POST /procure_offer", change: "operation removed (procure_offer_procure_offer_post)" },
    ]);
  });

  it("treats a new required request field as breaking and a new optional one as not", () => {
    expect(
      changesAfter((doc) => {
        const request = doc.components.schemas.ProcureOfferRequest;
        request.properties.ssh_public_key = { type: "string" };
        request.properties.cluster_name = { anyOf: [{ type: "string" }, { type: "null" }] };
        request.required.push("ssh_public_key");
      }),
    ).toEqual([
      { breaking: true, scope: "request", where: "ProcureOfferRequest.ssh_public_key", change: "field added (string, required)" },
      { breaking: false, scope: "request", where: "ProcureOfferRequest.cluster_name", change: "field added (string or null, optional)" },
    ]);
  });

  it("treats a response field that may now be null or absent as breaking, and the reverse as not", () => {
    expect(
      changesAfter((doc) => {
        const status = doc.components.schemas.OfferStatus;
        status.properties.progress = { anyOf: [{ type: "string" }, { type: "null" }] };
        status.required = ["procurement_status", "progress"];
      }),
    ).toEqual([
      { breaking: true, scope: "response", where: "OfferStatus.instances", change: "may now be absent (no longer required)" },
      { breaking: false, scope: "response", where: "OfferStatus.progress", change: "now always present (required)" },
      { breaking: true, scope: "response", where: "OfferStatus.progress", change: "may now be null" },
    ]);
  });

  it("follows $refs into arrays and reports a shared schema once, under its name", () => {
    expect(
      changesAfter((doc) => {
        doc.components.schemas.Instance.properties.external_ip = { type: "integer" };
        doc.components.schemas.ProcureStatus.anyOf[0].enum.push("provisioning_in_progress");
      }),
    ).toEqual([
      { breaking: false, scope: "response", where: "ProcureStatus", change: 'value added: "provisioning_in_progress"' },
      { breaking: true, scope: "response", where: "Instance.external_ip", change: "type changed from string to integer" },
    ]);
  });

  it("judges value-set changes by direction and openness", () => {
    expect(
      changesAfter((doc) => {
        doc.components.schemas.RegionGroup.anyOf[0].enum = ["US", "EU", "APAC"];
        doc.components.schemas.OfferStatus.properties.procurement_status.enum = ["ready", "failed", "provisioning"];
        doc.components.schemas.ProcureOfferRequest.properties.offer_id = { type: "string", enum: ["a", "b"] };
      }),
    ).toEqual([
      { breaking: true, scope: "request", where: "ProcureOfferRequest.offer_id", change: 'now one of: "a", "b"' },
      { breaking: false, scope: "request", where: "RegionGroup", change: 'value added: "APAC"' },
      { breaking: true, scope: "response", where: "OfferStatus.procurement_status", change: 'value added: "provisioning"' },
    ]);
  });

  it("reports removed request fields and parameter changes", () => {
    expect(
      changesAfter((doc) => {
        delete doc.components.schemas.ProcureOfferRequest.properties.cloud_init;
        doc.paths["/offers/{offer_id}/status"].get.parameters.push({ name: "verbose", in: "query", required: true, schema: { type: "boolean" } });
        doc.paths["/offers/{offer_id}/status"].get.parameters[0].schema = { type: "integer" };
      }),
    ).toEqual([
      { breaking: true, scope: "request", where: "ProcureOfferRequest.cloud_init", change: "field removed" },
      { breaking: true, scope: "request", where: "GET /offers/{offer_id}/status path parameter offer_id", change: "type changed from string to integer" },
      { breaking: true, scope: "request", where: "GET /offers/{offer_id}/status query parameter verbose", change: "added, required" },
    ]);
  });

  it("reports responses and media types added or removed", () => {
    expect(
      changesAfter((doc) => {
        doc.paths["/procure_offer"].post.responses["410"] = { description: "Gone" };
        doc.paths["/procure_offer"].post.requestBody.content = { "application/yaml": { schema: { type: "string" } } };
        delete doc.paths["/offers/{offer_id}/status"].get.responses["200"];
      }),
    ).toEqual([
      { breaking: false, scope: "request", where: "POST /procure_offer request body", change: "now also accepts application/yaml" },
      { breaking: true, scope: "request", where: "POST /procure_offer request body", change: "no longer accepts application/json" },
      { breaking: false, scope: "response", where: "POST /procure_offer 410 response", change: "added" },
      { breaking: true, scope: "response", where: "GET /offers/{offer_id}/status 200 response", change: "removed" },
    ]);
  });
});
