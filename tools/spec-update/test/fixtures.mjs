// Upstream specs as a future FastAPI might serve them, made from the repository's openapi/upstream.yaml
// so that the real overlay is applied to them. Each one is what a maintainer would download.
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromYaml } from "../src/spec-yaml.mjs";

export const REPO = fileURLToPath(new URL("../../../", import.meta.url));

/** @returns {Promise<any>} a fresh copy of the repository's upstream.yaml */
export async function repoUpstream() {
  return fromYaml(await readFile(join(REPO, "openapi/upstream.yaml"), "utf8"));
}

/** Upstream 0.2.0 adds an operation, an optional query parameter and optional fields. */
export async function additiveUpstream() {
  const spec = await repoUpstream();
  spec.info.version = "0.2.0";
  spec.paths["/resources/{resource_id}/events"] = {
    get: {
      tags: ["Resources"],
      summary: "List Resource Events",
      operationId: "list_resource_events_resources__resource_id__events_get",
      parameters: [{ name: "resource_id", in: "path", required: true, schema: { type: "string", format: "uuid", title: "Resource Id" } }],
      responses: {
        "200": {
          description: "Successful Response",
          content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/ResourceEvent" } } } },
        },
        "422": { description: "Validation Error", content: { "application/json": { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } },
      },
      security: [{ HTTPBearer: [] }],
    },
  };
  spec.components.schemas.ResourceEvent = {
    type: "object",
    title: "ResourceEvent",
    required: ["at", "message"],
    properties: { at: { type: "string", format: "date-time", title: "At" }, message: { type: "string", title: "Message" } },
  };
  spec.paths["/resources"].get.parameters.push({ name: "vendor", in: "query", required: false, schema: { type: "string", title: "Vendor" } });
  spec.components.schemas.GetOffersSummary.properties.gpu_memory_gb = { anyOf: [{ type: "number" }, { type: "null" }], title: "Gpu Memory Gb" };
  spec.components.schemas.ProcureOfferRequest.properties.labels = {
    anyOf: [{ type: "object", additionalProperties: { type: "string" } }, { type: "null" }],
    title: "Labels",
  };
  return spec;
}

/** Upstream 0.3.0 removes an operation and fields, requires a parameter, loosens response fields. */
export async function breakingUpstream() {
  const spec = await repoUpstream();
  const schemas = spec.components.schemas;
  spec.info.version = "0.3.0";
  delete spec.paths["/available_contracts"];
  spec.paths["/resources"].get.parameters[0].required = true;
  spec.paths["/resources"].get.parameters[0].schema = { type: "string", format: "uuid", title: "Offer Id" };
  schemas.GetOffersSummary.properties.gpu_family = { anyOf: [{ type: "string" }, { type: "null" }], title: "Gpu Family" };
  schemas.ResourceSummary.required = schemas.ResourceSummary.required.filter((/** @type {string} */ f) => f !== "vendor");
  schemas.GetOffersResponse.properties.total_count.type = "number";
  delete schemas.LinkedResource.properties.link_type;
  delete schemas.ProcureOfferRequest.properties.cluster_name;
  schemas.OfferDetails.properties.gpu_memory_gb = { anyOf: [{ type: "number" }, { type: "null" }], title: "Gpu Memory Gb" };
  return spec;
}

/** Upstream drops a field our overlay turns into an open string set. */
export async function missingTargetUpstream() {
  const spec = await repoUpstream();
  delete spec.components.schemas.LinkedResource.properties.status;
  return spec;
}

/** Upstream refers to a schema it does not define: Redocly must stop the update. */
export async function danglingRefUpstream() {
  const spec = await repoUpstream();
  spec.components.schemas.OfferStatus.properties.instances.items = { $ref: "#/components/schemas/Instance" };
  return spec;
}

/**
 * A scratch copy of what the tool reads and writes: openapi/, .changeset/, redocly.yaml and the
 * package.json files it consults.
 * @param {{ clientGenerates?: boolean }} [options]
 */
export async function scratchRepo({ clientGenerates = false } = {}) {
  const root = await mkdtemp(join(tmpdir(), "cdesk-spec-update-"));
  for (const file of ["openapi/upstream.yaml", "openapi/overlay.yaml", "openapi/supply-api.yaml", "redocly.yaml", ".changeset/config.json", "packages/types/package.json"]) {
    await mkdir(join(root, file, ".."), { recursive: true });
    await cp(join(REPO, file), join(root, file));
  }
  const client = { name: "@cdesk/client", version: "0.0.0", scripts: clientGenerates ? { generate: "node scripts/generate.mjs" } : {} };
  await mkdir(join(root, "packages/client"), { recursive: true });
  await writeFile(join(root, "packages/client/package.json"), JSON.stringify(client));
  return root;
}
