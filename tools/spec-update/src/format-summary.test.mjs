import { describe, expect, it } from "vitest";
import { formatChange, formatMarkdown, formatSummary } from "./format-summary.mjs";

/** @type {import("./diff-schemas.mjs").Change[]} */
const changes = [
  { breaking: false, scope: "response", where: "OfferDetails.gpu_memory_gb", change: "field added (number or null, optional)" },
  { breaking: true, scope: "response", where: "OfferStatus.progress", change: "may now be null" },
  { breaking: false, scope: "operation", where: "GET /regions", change: "operation added" },
  { breaking: true, scope: "operation", where: "DELETE /resources/{resource_id}", change: "operation removed" },
];

describe("formatSummary", () => {
  it("lists breaking changes first, whole operations before their details, then the overlay warnings", () => {
    expect(formatSummary(changes, ["overlay action 3: target $.x does not exist in the new upstream spec; not applied"])).toBe(
      [
        "2 breaking changes, 2 other changes:",
        "BREAKING  DELETE /resources/{resource_id}: operation removed",
        "BREAKING  response OfferStatus.progress: may now be null",
        "          GET /regions: operation added",
        "          response OfferDetails.gpu_memory_gb: field added (number or null, optional)",
        "WARNING   overlay action 3: target $.x does not exist in the new upstream spec; not applied",
      ].join("\n"),
    );
  });

  it("says when nothing changed for users", () => {
    expect(formatSummary([])).toBe("No change for users of the API.");
  });
});

describe("formatMarkdown", () => {
  it("writes one list item per change, breaking ones in bold", () => {
    expect(formatMarkdown(changes.slice(0, 2))).toBe(
      "- **BREAKING** response `OfferStatus.progress`: may now be null\n- response `OfferDetails.gpu_memory_gb`: field added (number or null, optional)",
    );
  });
});

it("formatChange aligns non-breaking lines with breaking ones", () => {
  const [added, nullable] = changes.slice(0, 2).map((change) => formatChange(/** @type {any} */ (change)));
  expect(added?.indexOf("response")).toBe(nullable?.indexOf("response"));
});
