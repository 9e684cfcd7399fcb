import { renderDetails, renderTable } from "./table.js";

/** `gpus`: one row per GPU family with the canonical names you can also ask for. */
export function renderGpus(gpus: Record<string, readonly string[] | undefined>): string {
  return renderTable(
    [{ header: "FAMILY" }, { header: "VARIANTS" }],
    Object.entries(gpus).map(([family, variants]) => [family, (variants ?? []).join(", ")]),
  );
}

/**
 * `vendors`, `regions`, `contracts`, `storage`: the spec leaves these shapes open (a list is
 * expected, an object accepted), so show names one per line, records as a table, anything else
 * as `key: value` lines.
 */
export function renderListing(listing: unknown): string {
  if (Array.isArray(listing)) {
    if (listing.every((item) => typeof item !== "object" || item === null)) return listing.map(cell).join("\n");
    return renderRecords(listing as Record<string, unknown>[]);
  }
  if (typeof listing === "object" && listing !== null) {
    return renderDetails(Object.entries(listing).map(([key, value]) => [key, cell(value)]));
  }
  return cell(listing);
}

function renderRecords(records: readonly Record<string, unknown>[]): string {
  const keys = [...new Set(records.flatMap((record) => Object.keys(record ?? {})))];
  return renderTable(
    keys.map((key) => ({ header: key.toUpperCase().replaceAll("_", " ") })),
    records.map((record) => keys.map((key) => cell(record?.[key]))),
  );
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return "-";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
