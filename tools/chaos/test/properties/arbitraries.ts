/**
 * fast-check arbitraries for `offers.search` queries, drawn from the spec's OfferQuery schema,
 * with strings chosen to trip YAML: words YAML 1.1 reads as booleans, numbers or dates, flow and
 * comment characters, line separators, and any Unicode scalar value.
 */
import fc from "fast-check";
import type { CdeskClient } from "@cdesk/client";

export type OffersQuery = Exclude<Parameters<CdeskClient["offers"]["search"]>[0], string>;

const YAML_TRAPS = [
  "yes", "No", "on", "OFF", "y", "n", "true", "null", "Null", "~", "", " ", "0x1F", "0o17", "007", "1_000", "1e3",
  ".inf", "-.nan", "2026-11-29", "2026-11-29T10:00:00Z", "12:30:45", "- item", "? key", "a: b", "#comment", "&anchor",
  "*alias", "!tag", "%directive", "@at", "`tick", "'", '"', "\\", "{}", "[]", "<<", "=", "\t", "\n", "\r\n", "\u0085",
  "\u2028", "\u2029", "\uFEFF", "\u007F", "\u0000", "\uFFFE", "😀",
];

/** Any string: a YAML trap, any code point sequence, or both glued together. */
export const trickyString = fc.oneof(
  fc.constantFrom(...YAML_TRAPS),
  fc.string({ unit: "binary" }),
  fc.tuple(fc.constantFrom(...YAML_TRAPS), fc.string({ unit: "binary" })).map(([trap, rest]) => trap + rest),
);
const nonEmpty = trickyString.filter((s) => s.length > 0);
/** An open enum: one of the documented values or any other string. */
const openEnum = (...known: string[]) => fc.oneof(fc.constantFrom(...known), trickyString);
const positiveInteger = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
const positiveNumber = fc.double({ min: 0, minExcluded: true, noNaN: true, noDefaultInfinity: true });

const compute = fc.record(
  {
    gpu_type: nonEmpty,
    gpu_count: positiveInteger,
    type: openEnum("vm", "container"),
    max_price_per_gpu_hour: positiveNumber,
    contract_type: openEnum("ondemand", "spot"),
    min_boot_disk_gb: positiveInteger,
  },
  { requiredKeys: ["gpu_type"] },
);

const storageVolume = fc.record(
  {
    type: openEnum("block_disk", "filesystem"),
    class: openEnum("standard", "performance", "economy", "premium"),
    size: fc.stringMatching(/^[0-9]+(\.[0-9]+)? ?[KMGTPkmgtp][Ii]?[Bb]$/),
    persistent: fc.boolean(),
  },
  { requiredKeys: ["type"] },
);

/** Any query the spec accepts. */
export const validQuery: fc.Arbitrary<OffersQuery> = fc.record(
  {
    vendor: nonEmpty,
    region: openEnum("US", "EU", "APAC", "Other"),
    max_procure_time_seconds: positiveInteger,
    compute,
    network: fc.record({ supports_cilium: fc.boolean() }, { requiredKeys: [] }),
    storage: fc.array(storageVolume, { maxLength: 3 }),
  },
  { requiredKeys: [] },
);
