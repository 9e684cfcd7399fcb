// The update, step by step: everything is checked and computed before the first file is written.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { composeSpec, upstreamHeader } from "./compose-spec.mjs";
import { diffSpecs } from "./diff-specs.mjs";
import { SpecUpdateError } from "./errors.mjs";
import { formatSummary } from "./format-summary.mjs";
import { lintSpec } from "./lint-spec.mjs";
import { loadSpec } from "./load-spec.mjs";
import { fromYaml, toYaml } from "./spec-yaml.mjs";
import { changesetFor, defaultBump } from "./write-changeset.mjs";

/**
 * @typedef {{
 *   source: string,
 *   root: string,
 *   bump?: import("./write-changeset.mjs").Bump,
 *   dryRun?: boolean,
 *   cwd?: string,
 *   fetch?: typeof globalThis.fetch,
 *   run?: (command: string, args: string[]) => Promise<void>,
 *   log?: (line: string) => void,
 * }} UpdateOptions
 * `root`: the repository whose openapi/ and .changeset/ are updated.
 * `bump`: the release type of the changeset (@default minor for breaking changes while 0.x, else patch).
 * `dryRun`: print the summary and the changeset, write and run nothing (@default false).
 * `run`: runs a command in `root` (lint, regenerate); rejects when it fails.
 * `log`: where the summary goes (@default console.log).
 */

/**
 * @param {UpdateOptions} options
 * @returns {Promise<{ changes: import("./diff-schemas.mjs").Change[], warnings: string[], written: string[] }>}
 * @throws {SpecUpdateError} when the new spec is invalid (nothing written) or a command fails after writing
 */
export async function updateSpec({ source, root, bump, dryRun = false, cwd, fetch, run, log = console.log }) {
  const files = {
    upstream: join(root, "openapi/upstream.yaml"),
    overlay: join(root, "openapi/overlay.yaml"),
    spec: join(root, "openapi/supply-api.yaml"),
    changesets: join(root, ".changeset"),
    redocly: join(root, "redocly.yaml"),
  };
  const { document: upstream, label } = await loadSpec(source, { cwd, fetch });
  const previousUpstream = await readYaml(files.upstream);
  const previous = /** @type {Record<string, any>} */ (await readYaml(files.spec));
  const overlay = await readYaml(files.overlay);
  // When the overlay cannot be applied to the new upstream, the user still learns what changed
  // upstream (the reason they ran the update) before the reason nothing is written.
  const stopWithUpstreamSummary = (/** @type {string} */ reason, /** @type {string[]} */ warnings = []) => {
    log(formatSummary(diffSpecs(/** @type {any} */ (previousUpstream), upstream), warnings));
    return new SpecUpdateError(reason);
  };
  let composed;
  try {
    composed = composeSpec(upstream, overlay, previous);
  } catch (error) {
    throw stopWithUpstreamSummary(`openapi/overlay.yaml cannot be applied (nothing was written): ${/** @type {Error} */ (error).message}`);
  }
  if (composed.conflicts.length > 0) {
    throw stopWithUpstreamSummary(
      "upstream changed a node that openapi/overlay.yaml replaces (nothing was written):\n" +
        composed.conflicts
          .map((c) => `  ${c.action}: ${c.target} was ${JSON.stringify(c.pinned)}, upstream now has ${JSON.stringify(c.upstream)}`)
          .join("\n") +
        "\nCheck that the overlay's replacement still describes upstream's node, set its x-cdesk-replaces to the new value, and run again.",
      composed.warnings,
    );
  }
  const lint = await lintSpec(composed.text, files.redocly);
  if (!lint.ok) {
    // The composed spec exists, so the summary is the full one (upstream's changes through the overlay).
    log(formatSummary(diffSpecs(previous, composed.document), composed.warnings));
    const examples = lint.examples.length
      ? `Named examples in openapi/overlay.yaml that no longer match upstream's schemas; update them:\n  ${lint.examples.join("\n  ")}\n`
      : "";
    throw new SpecUpdateError(
      `the updated spec does not pass \`redocly lint\` with redocly.yaml (nothing was written):\n${examples}` +
        `Every problem:\n  ${lint.problems.join("\n  ")}\n` +
        "Adapt openapi/overlay.yaml (its examples and additions) to the new upstream, and run again.",
    );
  }

  const changes = withUpstreamChanges(diffSpecs(previous, composed.document), diffSpecs(/** @type {any} */ (previousUpstream), upstream));
  log(formatSummary(changes, composed.warnings));
  const specChanged = !isDeepStrictEqual(previous, composed.document);
  const upstreamChanged = !isDeepStrictEqual(previousUpstream, upstream);
  if (!specChanged && !upstreamChanged) {
    log("openapi/ is already up to date: nothing to write.");
    return { changes, warnings: composed.warnings, written: [] };
  }

  /** @type {Array<[string, string]>} */
  const writes = [];
  // Re-running on openapi/upstream.yaml itself (after an overlay edit) keeps its provenance line.
  if (upstreamChanged) writes.push([files.upstream, toYaml(upstream, upstreamHeader(label))]);
  if (specChanged) {
    writes.push([files.spec, composed.text]);
    const version = (/** @type {any} */ document) => String(document?.info?.version ?? "unknown");
    const changeset = changesetFor({
      changes,
      bump: bump ?? defaultBump(changes.some((c) => c.breaking), await typesVersion(root)),
      upstreamVersion: { before: version(previousUpstream), after: version(upstream) },
      source: label,
    });
    writes.push([join(files.changesets, changeset.fileName), changeset.content]);
  }
  if (dryRun) {
    for (const [file, content] of writes) log(`\n--dry-run: would write ${file}${file.endsWith(".md") ? `:\n${content}` : ""}`);
    return { changes, warnings: composed.warnings, written: [] };
  }
  await mkdir(files.changesets, { recursive: true });
  for (const [file, content] of writes) await writeFile(file, content);
  for (const [file] of writes) log(`wrote ${file}`);
  if (specChanged && run) await regenerate(root, run);
  return { changes, warnings: composed.warnings, written: writes.map(([file]) => file) };
}

/**
 * The spec is written: lint it as `pnpm test` will, then regenerate what is generated from it.
 * @param {string} root
 * @param {(command: string, args: string[]) => Promise<void>} run
 */
async function regenerate(root, run) {
  const steps = [["run", "lint:spec"], ["--filter", "@cdesk/types", "generate"]];
  if (await hasScript(join(root, "packages/client/package.json"), "generate")) steps.push(["--filter", "@cdesk/client", "generate"]);
  for (const args of steps) {
    try {
      await run("pnpm", args);
    } catch (error) {
      throw new SpecUpdateError(
        `\`pnpm ${args.join(" ")}\` failed after openapi/ was written: ${/** @type {Error} */ (error).message}\n` +
          "Fix it and run the command again (the spec and changeset are in place).",
      );
    }
  }
}

/**
 * The summary reads the composed specs, where our additions and upstream's changes meet. As a
 * guarantee that no upstream change is hidden there (by an overlay that narrows the changed node),
 * every change between the two upstream documents is listed too, unless it is already there.
 * @param {import("./diff-schemas.mjs").Change[]} composed
 * @param {import("./diff-schemas.mjs").Change[]} upstream
 */
function withUpstreamChanges(composed, upstream) {
  const key = (/** @type {import("./diff-schemas.mjs").Change} */ c) => `${c.scope}|${c.where}|${c.change}`;
  const listed = new Set(composed.map(key));
  return [...composed, ...upstream.filter((change) => !listed.has(key(change)))];
}

/** @param {string} file */
async function readYaml(file) {
  try {
    return fromYaml(await readFile(file, "utf8"));
  } catch (error) {
    throw new SpecUpdateError(`cannot read ${file} (is --root the repository?): ${/** @type {Error} */ (error).message}`);
  }
}

/** @param {string} root */
async function typesVersion(root) {
  const file = join(root, "packages/types/package.json");
  return existsSync(file) ? String(JSON.parse(await readFile(file, "utf8")).version ?? "0.0.0") : "0.0.0";
}

/** @param {string} file @param {string} script */
async function hasScript(file, script) {
  return existsSync(file) && Boolean(JSON.parse(await readFile(file, "utf8")).scripts?.[script]);
}
