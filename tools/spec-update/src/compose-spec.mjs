// supply-api.yaml = overlay.yaml applied to upstream.yaml, in the previous supply-api.yaml's key order.
import { applyOverlay } from "./overlay.mjs";
import { orderLike } from "./order-like.mjs";
import { toYaml } from "./spec-yaml.mjs";

export const SPEC_HEADER = [
  "The Compute Desk Supply API as this SDK uses it: openapi/upstream.yaml with openapi/overlay.yaml applied.",
  "Written by `pnpm spec:update`. Do not edit by hand: change overlay.yaml (our additions) and run",
  "`pnpm spec:update openapi/upstream.yaml`. See openapi/README.md.",
].join("\n");

/**
 * @param {string} source where the upstream document was read from
 * @returns {string}
 */
export function upstreamHeader(source) {
  return [
    `Upstream's Supply API spec as read from ${source}, stored as YAML.`,
    "Written by `pnpm spec:update`. Do not edit by hand: our additions live in overlay.yaml.",
  ].join("\n");
}

/**
 * @param {Record<string, unknown>} upstream
 * @param {unknown} overlay
 * @param {unknown} previous the current supply-api.yaml, whose key order the result keeps
 * @returns {{ document: Record<string, unknown>, text: string, warnings: string[], conflicts: import("./overlay.mjs").ReplacementConflict[] }}
 */
export function composeSpec(upstream, overlay, previous) {
  const { document, warnings, conflicts } = applyOverlay(upstream, overlay);
  const ordered = orderLike(document, previous);
  return { document: ordered, text: toYaml(ordered, SPEC_HEADER), warnings, conflicts };
}
