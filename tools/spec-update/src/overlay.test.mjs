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

  it("replaces primitives, appends to a targeted list and removes targeted members", () => {
    const { document } = applyOverlay(
      upstream(),
      overlayOf([
        { target: "$.info", update: { title: "Ours" } },
        { target: "$.paths['/offers/{offer_id}'].get.tags", update: "Discovery" },
        { target: "$.paths['/offers/{offer_id}'].get.responses['422']", remove: true },
      ]),
    );
    expect(document.info).toEqual({ title: "Ours", version: "0.1.0" });
    expect(document.paths).toMatchObject({ "/offers/{offer_id}": { get: { tags: ["Offers", "Discovery"] } } });
    expect(Object.keys(/** @type {any} */ (document.paths)["/offers/{offer_id}"].get.responses)).toEqual(["200"]);
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
    ).toThrow("overlay action 1: cannot merge list into the list at $.paths['/offers/{offer_id}'].get.tags; add a remove action for it first");
  });

  it.each([
    [{ openapi: "3.1.0" }, /expected an Overlay 1.0 document/],
    [overlayOf([{ target: "$.info" }]), /give exactly one of "update" or "remove: true"/],
    [overlayOf([{ target: "$.info", update: {}, remove: true }]), /give exactly one of/],
    [overlayOf([{ target: "$.paths.*", remove: true }]), /unsupported JSONPath syntax/],
    [overlayOf([{ target: "$", remove: true }]), /cannot remove the whole document/],
  ])("refuses a malformed overlay (%#)", (overlay, message) => {
    expect(() => applyOverlay(upstream(), overlay)).toThrow(message);
  });
});
