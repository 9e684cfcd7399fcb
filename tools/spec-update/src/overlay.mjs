// Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html): actions
// run in order, each `update`s (merges into) or `remove`s the node its target selects. Targets use
// the member and index selectors read by json-path.mjs.
//
// Our overlay may only add to upstream's document and narrow it, never replace one of its nodes:
// a replaced node would hide upstream's next change to it from the update summary. So an action
// that removes an upstream node, or overwrites an upstream value, is refused. The exceptions:
// a `description` or `summary` may be extended (upstream's text kept as its start), and a
// removal may pin the exact upstream node it replaces in `x-cdesk-replaces`; when upstream's node
// is no longer that one, the removal is reported as a conflict instead of applied blindly.
import { isDeepStrictEqual } from "node:util";
import { formatTarget, parseTarget } from "./json-path.mjs";

/**
 * @typedef {{ target: string, description?: string, update?: unknown, remove?: boolean, "x-cdesk-replaces"?: unknown }} OverlayAction
 * @typedef {{ overlay: string, info: { title: string, version: string }, actions: OverlayAction[] }} Overlay
 * @typedef {{ action: string, target: string, pinned: unknown, upstream: unknown }} ReplacementConflict
 *   a pinned replacement whose upstream node changed: `pinned` is what the overlay expects, `upstream` what it found
 * @typedef {{ document: Record<string, unknown>, warnings: string[], conflicts: ReplacementConflict[] }} OverlayResult
 */

/** Prose keys the overlay may extend; every other upstream value stays as upstream wrote it. */
const EXTENSIBLE_TEXT = new Set(["description", "summary"]);

/**
 * Applies `overlay` to a copy of `document`. An action whose target does not exist is skipped and
 * reported in `warnings` (an upstream change removed what we annotated), never silently dropped.
 * @param {Record<string, unknown>} document an OpenAPI document (not modified)
 * @param {unknown} overlay a parsed Overlay 1.0 document
 * @returns {OverlayResult}
 * @throws {Error} when the overlay is malformed, replaces an upstream node, or an update cannot be merged
 */
export function applyOverlay(document, overlay) {
  const actions = checkOverlay(overlay);
  const result = structuredClone(document);
  /** @type {string[]} */
  const warnings = [];
  /** @type {ReplacementConflict[]} */
  const conflicts = [];
  actions.forEach((action, index) => {
    const label = `overlay action ${index + 1}${action.description ? ` (${action.description.replace(/\s+/g, " ")})` : ""}`;
    const names = parseTarget(action.target);
    const parent = resolve(result, action.remove ? names.slice(0, -1) : names);
    const last = names[names.length - 1];
    if (parent === undefined || (action.remove && (last === undefined || !hasMember(parent, last)))) {
      warnings.push(`${label}: target ${action.target} does not exist in the new upstream spec; not applied`);
      return;
    }
    if (action.remove) {
      const upstream = resolve(document, names);
      if (upstream !== undefined) {
        if (!("x-cdesk-replaces" in action)) {
          throw new Error(
            `${label}: removes upstream's node at ${action.target}. The overlay may only add to upstream's nodes and ` +
              "narrow them (merge an update into the node instead), so that upstream's changes to it reach the summary",
          );
        }
        if (!isDeepStrictEqual(upstream, action["x-cdesk-replaces"])) {
          conflicts.push({ action: label, target: action.target, pinned: action["x-cdesk-replaces"], upstream });
        }
      }
      removeMember(/** @type {object} */ (parent), /** @type {string | number} */ (last));
    } else if (Array.isArray(parent)) {
      parent.push(structuredClone(action.update));
    } else if (isObject(parent) && isObject(action.update)) {
      merge(parent, action.update, { names, label, upstream: document });
    } else {
      throw new Error(`${label}: update must be an object to merge into the object at ${action.target}`);
    }
  });
  return { document: result, warnings, conflicts };
}

/**
 * @param {unknown} overlay
 * @returns {OverlayAction[]}
 */
function checkOverlay(overlay) {
  if (!isObject(overlay) || typeof overlay.overlay !== "string" || !overlay.overlay.startsWith("1.0")) {
    throw new Error('overlay: expected an Overlay 1.0 document (a top-level "overlay: 1.0.0" field)');
  }
  if (!Array.isArray(overlay.actions)) throw new Error('overlay: "actions" must be a list');
  overlay.actions.forEach((action, index) => {
    const where = `overlay action ${index + 1}`;
    if (!isObject(action) || typeof action.target !== "string") throw new Error(`${where}: "target" must be a string`);
    const hasUpdate = "update" in action;
    if (hasUpdate === (action.remove === true)) {
      throw new Error(`${where} (${action.target}): give exactly one of "update" or "remove: true"`);
    }
    if (action.remove === true && action.target === "$") throw new Error(`${where}: cannot remove the whole document`);
    if (hasUpdate && "x-cdesk-replaces" in action) throw new Error(`${where} (${action.target}): "x-cdesk-replaces" pins what a removal replaces; an update replaces nothing`);
  });
  return /** @type {OverlayAction[]} */ (overlay.actions);
}

/**
 * @param {unknown} root
 * @param {ReadonlyArray<string | number>} names
 * @returns {unknown} the node, or undefined when the path does not exist
 */
function resolve(root, names) {
  /** @type {unknown} */
  let node = root;
  for (const name of names) {
    if (!hasMember(node, name)) return undefined;
    node = /** @type {Record<string | number, unknown>} */ (node)[name];
  }
  return node;
}

/** @param {unknown} node @param {string | number} name */
function hasMember(node, name) {
  if (typeof name === "number") return Array.isArray(node) && name < node.length;
  return isObject(node) && name in node;
}

/** @param {object} parent @param {string | number} name */
function removeMember(parent, name) {
  if (Array.isArray(parent)) parent.splice(/** @type {number} */ (name), 1);
  else delete /** @type {Record<string, unknown>} */ (parent)[/** @type {string} */ (name)];
}

/**
 * Objects merge recursively and new keys are added. An existing primitive is only overwritten when
 * it is ours (set by an earlier action) or an extensible text that keeps upstream's words. Anything
 * else (an array onto an array, an object onto a string) is refused: Overlay implementations
 * disagree on it, and for upstream's nodes it would be a replacement.
 * @param {Record<string, unknown>} target
 * @param {Record<string, unknown>} update
 * @param {{ names: ReadonlyArray<string | number>, label: string, upstream: unknown }} where
 */
function merge(target, update, { names, label, upstream }) {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    const path = [...names, key];
    if (!(key in target)) {
      target[key] = structuredClone(value);
    } else if (isPrimitive(current) && isPrimitive(value)) {
      if (current !== value && resolve(upstream, path) === current && !extendsText(key, current, value)) {
        throw new Error(
          `${label}: replaces upstream's ${JSON.stringify(current)} at ${formatTarget(path)} with ${JSON.stringify(value)}. ` +
            "The overlay may only add and narrow; only a description or summary may be extended, keeping upstream's text as its start",
        );
      }
      target[key] = value;
    } else if (isObject(current) && isObject(value)) {
      merge(current, value, { names: path, label, upstream });
    } else {
      throw new Error(
        `${label}: cannot merge ${kind(value)} into the ${kind(current)} at ${formatTarget(path)}; ` +
          "target the node itself (a list element as [0]) and merge into it",
      );
    }
  }
}

/**
 * Whether `after` extends upstream's text `before` (its words first, in order; line breaks and
 * spacing may differ, since YAML folding rewraps them).
 * @param {string} key @param {unknown} before @param {unknown} after
 */
function extendsText(key, before, after) {
  if (!EXTENSIBLE_TEXT.has(key) || typeof before !== "string" || typeof after !== "string") return false;
  const words = (/** @type {string} */ text) => text.trim().split(/\s+/).join(" ");
  return words(after).startsWith(words(before));
}

/** @param {unknown} value @returns {value is Record<string, unknown>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** @param {unknown} value */
function isPrimitive(value) {
  return value === null || typeof value !== "object";
}

/** @param {unknown} value */
function kind(value) {
  return Array.isArray(value) ? "list" : value === null ? "null" : typeof value;
}
