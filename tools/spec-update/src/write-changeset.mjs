// The changeset that releases a spec update: every public package that embeds or serves the spec.
import { createHash } from "node:crypto";
import { formatMarkdown } from "./format-summary.mjs";

/** @typedef {"major" | "minor" | "patch"} Bump */

/** @types ships the spec and its types, @cdesk/client embeds its constraints, @cdesk/mock serves it. */
export const SPEC_PACKAGES = ["@cdesk/types", "@cdesk/client", "@cdesk/mock"];

/**
 * A breaking change is a minor release while we are 0.x (semver's convention for unstable APIs),
 * a major one from 1.0; anything else is a patch.
 * @param {boolean} breaking
 * @param {string} currentVersion the version of @cdesk/types, e.g. `0.3.1`
 * @returns {Bump}
 */
export function defaultBump(breaking, currentVersion) {
  if (!breaking) return "patch";
  return Number.parseInt(currentVersion, 10) >= 1 ? "major" : "minor";
}

/**
 * @param {{
 *   changes: import("./diff-schemas.mjs").Change[],
 *   bump: Bump,
 *   upstreamVersion: { before: string, after: string },
 *   source: string,
 * }} update
 * @returns {{ fileName: string, content: string }} a file for `.changeset/`
 */
export function changesetFor({ changes, bump, upstreamVersion, source }) {
  const breaking = changes.filter((c) => c.breaking).length;
  const version =
    upstreamVersion.before === upstreamVersion.after
      ? `version ${upstreamVersion.after}`
      : `version ${upstreamVersion.before} → ${upstreamVersion.after}`;
  const headline =
    changes.length === 0
      ? `Supply API spec updated from ${source} (${version}): descriptions, examples or metadata only.`
      : `Supply API spec updated from ${source} (${version}): ${breaking} breaking, ${changes.length - breaking} other change${changes.length - breaking === 1 ? "" : "s"}.`;
  const frontmatter = SPEC_PACKAGES.map((name) => `"${name}": ${bump}`).join("\n");
  const body = changes.length ? `${headline}\n\n${formatMarkdown(changes)}\n` : `${headline}\n`;
  const content = `---\n${frontmatter}\n---\n\n${body}`;
  const hash = createHash("sha256").update(content).digest("hex").slice(0, 8);
  return { fileName: `spec-update-${upstreamVersion.after.replace(/[^\w.-]/g, "_")}-${hash}.md`, content };
}
