import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { composeSpec } from "../src/compose-spec.mjs";
import { fromYaml } from "../src/spec-yaml.mjs";
import { additiveUpstream, breakingUpstream, danglingRefUpstream, missingTargetUpstream, scratchRepo } from "./fixtures.mjs";
import { changesetsIn, removeScratch, runCli, snapshot } from "./helpers.mjs";

/** @type {string[]} */
const scratch = [];
afterEach(async () => {
  await Promise.all(scratch.splice(0).map(removeScratch));
});

/** @param {{ clientGenerates?: boolean }} [options] */
async function newScratch(options) {
  const root = await scratchRepo(options);
  scratch.push(root);
  return root;
}

/** @param {string} root @param {string} name @param {unknown} spec */
async function writeYamlFixture(root, name, spec) {
  const { stringify } = await import("yaml");
  await writeFile(join(root, name), stringify(spec));
  return name;
}

/** The round-trip invariant the repository's own test checks, on the scratch copy. */
async function expectRoundTrip(/** @type {string} */ root) {
  const read = (/** @type {string} */ file) => readFile(join(root, "openapi", file), "utf8");
  const spec = await read("supply-api.yaml");
  const composed = composeSpec(/** @type {any} */ (fromYaml(await read("upstream.yaml"))), fromYaml(await read("overlay.yaml")), fromYaml(spec));
  expect(composed.text).toBe(spec);
}

describe("pnpm spec:update with an additive upstream change", () => {
  it("writes upstream, spec and a patch changeset, regenerates, and reports nothing breaking", async () => {
    const root = await newScratch({ clientGenerates: true });
    const source = await writeYamlFixture(root, "upstream-0.2.0.yaml", await additiveUpstream());

    const result = await runCli([source], { root });

    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("0 breaking changes, 4 other changes:");
    expect(result.stdout).toContain("          GET /resources/{resource_id}/events: operation added (list_resource_events_resources__resource_id__events_get)");
    expect(result.stdout).toContain("          request GET /resources query parameter vendor: added (optional)");
    expect(result.stdout).toContain("          response GetOffersSummary.gpu_memory_gb: field added (number or null, optional)");
    expect(result.stdout).toContain("          request ProcureOfferRequest.labels: field added (object or null, optional)");
    expect(result.stdout).not.toContain("BREAKING");
    expect(result.commands).toEqual(["pnpm run lint:spec", "pnpm --filter @cdesk/types generate", "pnpm --filter @cdesk/client generate"]);

    const spec = /** @type {any} */ (fromYaml(await readFile(join(root, "openapi/supply-api.yaml"), "utf8")));
    expect(spec.info.version).toBe("0.2.0");
    expect(spec.paths["/resources/{resource_id}/events"].get.operationId).toBe("list_resource_events_resources__resource_id__events_get");
    // Our additions survived: named examples, documented errors, open sets, constraints.
    expect(Object.keys(spec.paths["/offers/{offer_id}/status"].get.responses["200"].content["application/json"].examples)).toEqual([
      "available", "provisioning_started", "provisioning_in_progress", "ready", "failed",
    ]);
    expect(spec.paths["/procure_offer"].post.responses["410"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/ErrorResponse" });
    expect(spec.components.schemas.OfferStatus.properties.procurement_status).toEqual({ $ref: "#/components/schemas/ProcurementStatus" });
    expect(spec.components.schemas.ProcureOfferRequest.properties.cloud_init.anyOf[0]["x-max-utf8-bytes"]).toBe(65536);
    expect(spec.paths["/get_offers"].post.requestBody.content["application/yaml"].schema).toEqual({ $ref: "#/components/schemas/OfferQuery" });
    await expectRoundTrip(root);

    const [changeset, ...others] = await changesetsIn(root);
    expect(others).toEqual([]);
    expect(changeset).toMatch(/^---\n"@cdesk\/types": patch\n"@cdesk\/client": patch\n"@cdesk\/mock": patch\n---\n/);
    expect(changeset).toContain("Supply API spec updated from upstream-0.2.0.yaml (version 0.1.0 → 0.2.0): 0 breaking, 4 other changes.");
    expect(changeset).toContain("- `GET /resources/{resource_id}/events`: operation added");
  });

  it("stores a JSON upstream (what FastAPI serves) as YAML", async () => {
    const root = await newScratch();
    const upstream = await additiveUpstream();
    await writeFile(join(root, "openapi.json"), JSON.stringify(upstream));

    expect((await runCli(["openapi.json"], { root })).status).toBe(0);

    const stored = await readFile(join(root, "openapi/upstream.yaml"), "utf8");
    expect(stored).toMatch(/^# Upstream's Supply API spec as read from openapi\.json, stored as YAML\.\n#.*\nopenapi: 3\.1\.0\ninfo:\n/);
    expect(fromYaml(stored)).toEqual(upstream);
  });

  it("--dry-run prints the changeset and writes and runs nothing", async () => {
    const root = await newScratch();
    const source = await writeYamlFixture(root, "next.yaml", await additiveUpstream());
    const before = await snapshot(root);

    const result = await runCli([source, "--dry-run"], { root });

    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--dry-run: would write");
    expect(result.stdout).toContain('"@cdesk/types": patch');
    expect(result.commands).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
  });
});

describe("pnpm spec:update with a breaking upstream change", () => {
  it("marks each breaking change and writes a minor changeset while we are 0.x", async () => {
    const root = await newScratch();
    const source = await writeYamlFixture(root, "upstream-0.3.0.yaml", await breakingUpstream());

    const result = await runCli([source], { root });

    expect(result.status).toBe(0);
    // Action numbers change whenever overlay.yaml does; what matters is which targets are named.
    const summary = result.stdout.slice(0, result.stdout.indexOf("\nwrote ")).replace(/overlay action \d+/g, "overlay action N");
    expect(summary).toBe(
      [
        "8 breaking changes, 1 other change:",
        "BREAKING  GET /available_contracts: operation removed (get_available_contracts_available_contracts_get)",
        "BREAKING  response GetOffersSummary.gpu_family: may now be null",
        "BREAKING  response GetOffersResponse.total_count: type changed from integer to number",
        "BREAKING  request ProcureOfferRequest.cluster_name: field removed",
        "BREAKING  request GET /resources query parameter offer_id: now required",
        "BREAKING  request GET /resources query parameter offer_id: no longer accepts null",
        "BREAKING  response ResourceSummary.vendor: may now be absent (no longer required)",
        "BREAKING  response LinkedResource.link_type: field removed",
        "          response OfferDetails.gpu_memory_gb: field added (number or null, optional)",
        "WARNING   overlay action N (Named examples (ours): the mock serves them, the tests select them): target $.paths['/available_contracts'].get.responses['200'].content['application/json'] does not exist in the new upstream spec; not applied",
        "WARNING   overlay action N (Documented error responses (ours): 401/403, 404 by id, 409 on delete, 410 on procure; 429 and 5XX; 422 with examples): target $.paths['/available_contracts'].get.responses does not exist in the new upstream spec; not applied",
        "WARNING   overlay action N (Tag the discovery operations (ours; upstream shows no tag for them)): target $.paths['/available_contracts'].get does not exist in the new upstream spec; not applied",
      ].join("\n"),
    );
    const [changeset] = await changesetsIn(root);
    expect(changeset).toMatch(/^---\n"@cdesk\/types": minor\n"@cdesk\/client": minor\n"@cdesk\/mock": minor\n---\n/);
    expect(changeset).toContain("- **BREAKING** response `GetOffersSummary.gpu_family`: may now be null");
    await expectRoundTrip(root);
  });

  it("--bump overrides the release type", async () => {
    const root = await newScratch();
    const source = await writeYamlFixture(root, "next.yaml", await breakingUpstream());

    expect((await runCli([source, "--bump", "major"], { root })).status).toBe(0);

    expect((await changesetsIn(root))[0]).toMatch(/^---\n"@cdesk\/types": major\n/);
  });
});

describe("pnpm spec:update with an invalid upstream spec", () => {
  it.each([
    ["a dangling $ref (Redocly)", async () => (await import("yaml")).stringify(await danglingRefUpstream()), /error no-unresolved-refs at components\.schemas\.OfferStatus\.properties\.instances\.items: Can't resolve \$ref/],
    ["a Swagger 2.0 document", async () => JSON.stringify({ swagger: "2.0", info: { title: "x", version: "1" }, paths: {} }), /it is a Swagger 2\.0 document; OpenAPI 3\.x is required/],
    ["broken JSON", async () => '{"openapi": "3.1.0",', /broken\.txt is not valid JSON/],
  ])("stops on %s with a readable reason and leaves every file untouched", async (_, content, reason) => {
    const root = await newScratch();
    await writeFile(join(root, "broken.txt"), await content());
    const before = await snapshot(root);

    const result = await runCli(["broken.txt"], { root });

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(reason);
    expect(result.commands).toEqual([]);
    expect(await snapshot(root)).toEqual(before);
  });
});

describe("pnpm spec:update when the overlay no longer fits", () => {
  it("applies what it can and reports each action whose target is gone", async () => {
    const root = await newScratch();
    const source = await writeYamlFixture(root, "next.yaml", await missingTargetUpstream());

    const result = await runCli([source], { root });

    expect(result.status).toBe(0);
    const warnings = result.stdout.split("\n").filter((line) => line.startsWith("WARNING"));
    expect(warnings).toHaveLength(3);
    for (const [index, target] of ["status.title", "status.anyOf", "status"].entries()) {
      expect(warnings[index]).toMatch(
        /^WARNING {3}overlay action \d+ \(Open string set \(ours\): the known values listed, any other string accepted\): /,
      );
      expect(warnings[index]).toContain(`target $.components.schemas.LinkedResource.properties.${target} does not exist in the new upstream spec; not applied`);
    }
    expect(result.stdout).toContain("BREAKING  response LinkedResource.status: field removed");
  });
});

describe("pnpm spec:update openapi/upstream.yaml after an overlay edit", () => {
  it("re-applies the overlay, keeps upstream.yaml as it was and writes a patch changeset", async () => {
    const root = await newScratch();
    const overlayFile = join(root, "openapi/overlay.yaml");
    const edited = (await readFile(overlayFile, "utf8")).replace(
      "description: Provisioned resources and their deletion.",
      "description: Provisioned resources, their state and their deletion.",
    );
    await writeFile(overlayFile, edited);
    const upstreamBefore = await readFile(join(root, "openapi/upstream.yaml"), "utf8");

    const result = await runCli(["openapi/upstream.yaml"], { root });

    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe("No change for users of the API.");
    expect(await readFile(join(root, "openapi/upstream.yaml"), "utf8")).toBe(upstreamBefore);
    const spec = /** @type {any} */ (fromYaml(await readFile(join(root, "openapi/supply-api.yaml"), "utf8")));
    expect(spec.tags[2]).toEqual({ name: "Resources", description: "Provisioned resources, their state and their deletion." });
    await expectRoundTrip(root);
    const [changeset] = await changesetsIn(root);
    expect(changeset).toMatch(/^---\n"@cdesk\/types": patch\n/);
    expect(changeset).toContain("Supply API spec updated from openapi/upstream.yaml (version 0.1.0): descriptions, examples or metadata only.");
  });
});
