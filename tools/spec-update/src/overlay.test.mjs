import { describe, expect, it } from "vitest";
import { applyOverlay } from "./overlay.mjs";

/** @param {object[]} actions */
const overlayOf = (actions) => ({ overlay: "1.0.0", info: { title: "t", version: "1" }, actions });

const upstream = () => ({
  openapi: "3.1.0",
  info: { title: "Supply Service", version: "0.1.0" },
  paths: {
    "/offers/{offer_id}": {
      get: { responses: { "200": { description: "OK" }, "422": { description: "Validation Error" } }, tags: ["Offers"] },
    },
  },
});

describe("applyOverlay", () => {
  it("merges an update into the target object, recursively, without touching the input", () => {
    const input = upstream();
    const { document, warnings } = applyOverlay(
      input,
      overlayOf([
        {
          target: "$.paths['/offers/{offer_id}'].get.responses",
          update: { "404": { description: "No offer has this id." }, "200": { content: { "application/json": {} } } },
        },
      ]),
    );
    expect(warnings).toEqual([]);
    expect(document.paths).toEqual({
      "/offers/{offer_id}": {
        get: {
          responses: {
            "200": { description: "OK", content: { "application/json": {} } },
            "422": { description: "Validation Error" },
            "404": { description: "No offer has this id." },
          },
          tags: ["Offers"],
        },
      },
    });
    expect(input).toEqual(upstream());
  });

  it("appends to a targeted list, narrows a list element in place and extends a description", () => {
    const input = upstream();
    /** @type {any} */ (input.paths["/offers/{offer_id}"].get).description = "Get an offer.";
    /** @type {any} */ (input).components = { schemas: { S: { anyOf: [{ type: "string" }, { type: "null" }], title: "S" } } };
    const { document } = applyOverlay(
      input,
      overlayOf([
        { target: "$.paths['/offers/{offer_id}'].get.tags", update: "Discovery" },
        { target: "$.components.schemas.S.anyOf[0]", update: { $ref: "#/components/schemas/Open", maxLength: 10 } },
        { target: "$.paths['/offers/{offer_id}'].get", update: { description: "Get an offer.\n\nPoll its status after procuring it." } },
      ]),
    );
    expect(document.paths).toMatchObject({ "/offers/{offer_id}": { get: { tags: ["Offers", "Discovery"], description: "Get an offer.\n\nPoll its status after procuring it." } } });
    expect(/** @type {any} */ (document).components.schemas.S).toEqual({
      anyOf: [{ type: "string", $ref: "#/components/schemas/Open", maxLength: 10 }, { type: "null" }],
      title: "S",
    });
  });

  it("lets an action overwrite what an earlier action of the overlay added", () => {
    const { document } = applyOverlay(
      upstream(),
      overlayOf([
        { target: "$.info", update: { summary: "Ours" } },
        { target: "$.info", update: { summary: "Ours, reworded" } },
      ]),
    );
    expect(document.info).toEqual({ title: "Supply Service", version: "0.1.0", summary: "Ours, reworded" });
  });
});

// The overlay adds and narrows; replacing an upstream node would hide upstream's next change to it.
describe("applyOverlay refuses to replace upstream's nodes", () => {
  it("refuses to remove an upstream node", () => {
    expect(() => applyOverlay(upstream(), overlayOf([{ target: "$.paths['/offers/{offer_id}'].get.responses['422']", remove: true }]))).toThrow(
      "overlay action 1: removes upstream's node at $.paths['/offers/{offer_id}'].get.responses['422']. The overlay may only add to upstream's nodes and narrow them",
    );
  });

  it.each([
    ["a version", { target: "$.info", update: { version: "9.9.9" } }, `replaces upstream's "0.1.0" at $.info.version with "9.9.9"`],
    ["a title", { target: "$.info", update: { title: "Ours" } }, `replaces upstream's "Supply Service" at $.info.title with "Ours"`],
  ])("refuses to overwrite an upstream value (%s)", (_, action, message) => {
    expect(() => applyOverlay(upstream(), overlayOf([action]))).toThrow(message);
  });

  it("refuses a description that drops upstream's text, even when it only adds to it elsewhere", () => {
    const input = upstream();
    /** @type {any} */ (input.paths["/offers/{offer_id}"].get).description = "Get an offer.";
    expect(() =>
      applyOverlay(input, overlayOf([{ target: "$.paths['/offers/{offer_id}'].get", update: { description: "Poll it. Get an offer." } }])),
    ).toThrow(`replaces upstream's "Get an offer." at $.paths['/offers/{offer_id}'].get.description`);
  });

  it("applies a removal that pins the upstream node it replaces, and reports a conflict once upstream's node differs", () => {
    const pinned = { target: "$.paths['/offers/{offer_id}'].get.responses['422']", remove: true, "x-cdesk-replaces": { description: "Validation Error" } };
    const same = applyOverlay(upstream(), overlayOf([pinned]));
    expect(same.conflicts).toEqual([]);
    expect(Object.keys(/** @type {any} */ (same.document.paths)["/offers/{offer_id}"].get.responses)).toEqual(["200"]);

    const changed = upstream();
    changed.paths["/offers/{offer_id}"].get.responses["422"].description = "Unprocessable";
    expect(applyOverlay(changed, overlayOf([pinned])).conflicts).toEqual([
      { action: "overlay action 1", target: pinned.target, pinned: { description: "Validation Error" }, upstream: { description: "Unprocessable" } },
    ]);
  });
  it("reports an action whose target no longer exists instead of dropping it silently", () => {
    const { document, warnings } = applyOverlay(
      upstream(),
      overlayOf([
        { target: "$.paths['/procure_offer'].post.responses", description: "410 on procure", update: { "410": {} } },
        { target: "$.components.schemas.Gone", remove: true },
      ]),
    );
    expect(warnings).toEqual([
      "overlay action 1 (410 on procure): target $.paths['/procure_offer'].post.responses does not exist in the new upstream spec; not applied",
      "overlay action 2: target $.components.schemas.Gone does not exist in the new upstream spec; not applied",
    ]);
    expect(document).toEqual(upstream());
  });

  it("refuses to merge a list into a list, since implementations disagree on what it means", () => {
    expect(() =>
      applyOverlay(upstream(), overlayOf([{ target: "$.paths['/offers/{offer_id}'].get", update: { tags: ["X"] } }])),
    ).toThrow("overlay action 1: cannot merge list into the list at $.paths['/offers/{offer_id}'].get.tags; target the node itself (a list element as [0]) and merge into it");
  });

  it.each([
    [{ openapi: "3.1.0" }, /expected an Overlay 1.0 document/],
    [overlayOf([{ target: "$.info" }]), /give exactly one of "update" or "remove: true"/],
    [overlayOf([{ target: "$.info", update: {}, remove: true }]), /give exactly one of/],
    [overlayOf([{ target: "$.paths.*", remove: true }]), /unsupported JSONPath syntax/],
    [overlayOf([{ target: "$", remove: true }]), /cannot remove the whole document/],
    [overlayOf([{ target: "$.info", update: {}, "x-cdesk-replaces": {} }]), /an update replaces nothing/],
  ])("refuses a malformed overlay (%#)", (overlay, message) => {
    expect(() => applyOverlay(upstream(), overlay)).toThrow(message);
  });
});
