// Applies an OpenAPI Overlay 1.0 document (https://spec.openapis.org/overlay/v1.0.0.html): actions
// run in order, each `update`s (merges into) or `remove`s the node its target selects. Targets use
// the member-selector subset of JSONPath read by json-path.mjs.
import { formatTarget, parseTarget } from "./json-path.mjs";

/**
 * @typedef {{ target: string, description?: string, update?: unknown, remove?: boolean }} OverlayAction
 * @typedef {{ overlay: string, info: { title: string, version: string }, actions: OverlayAction[] }} Overlay
 * @typedef {{ document: Record<string, unknown>, warnings: string[] }} OverlayResult
 */

/**
 * Applies `overlay` to a copy of `document`. An action whose target does not exist is skipped and
 * reported in `warnings` (an upstream change removed what we annotated), never silently dropped.
 * @param {Record<string, unknown>} document an OpenAPI document (not modified)
 * @param {unknown} overlay a parsed Overlay 1.0 document
 * @returns {OverlayResult}
 * @throws {Error} when the overlay is malformed or an update cannot be merged
 */
export function applyOverlay(document, overlay) {
  const actions = checkOverlay(overlay);
  const result = structuredClone(document);
  /** @type {string[]} */
  const warnings = [];
  actions.forEach((action, index) => {
    const label = `overlay action ${index + 1}${action.description ? ` (${action.description})` : ""}`;
    const names = parseTarget(action.target);
    const parentNames = names.slice(0, -1);
    const parent = resolve(result, action.remove ? parentNames : names);
    const last = names[names.length - 1];
    if (parent === undefined || (action.remove && (last === undefined || !isObject(parent) || !(last in parent)))) {
      warnings.push(`${label}: target ${action.target} does not exist in the new upstream spec; not applied`);
      return;
    }
    if (action.remove) {
      delete /** @type {Record<string, unknown>} */ (parent)[/** @type {string} */ (last)];
    } else if (Array.isArray(parent)) {
      parent.push(structuredClone(action.update));
    } else if (isObject(parent) && isObject(action.update)) {
      merge(parent, action.update, names, label);
    } else {
      throw new Error(`${label}: update must be an object to merge into the object at ${action.target}`);
    }
  });
  return { document: result, warnings };
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
  });
  return /** @type {OverlayAction[]} */ (overlay.actions);
}

/**
 * @param {unknown} root
 * @param {readonly string[]} names
 */
function resolve(root, names) {
  /** @type {unknown} */
  let node = root;
  for (const name of names) {
    if (!isObject(node) || !(name in node)) return undefined;
    node = node[name];
  }
  return node;
}

/**
 * Objects merge recursively, primitives replace. Anything else (an array onto an array, an object
 * onto a string) is refused: Overlay implementations disagree on it, so the overlay must remove the
 * old value first and say what it means.
 * @param {Record<string, unknown>} target
 * @param {Record<string, unknown>} update
 * @param {string[]} names
 * @param {string} label
 */
function merge(target, update, names, label) {
  for (const [key, value] of Object.entries(update)) {
    const current = target[key];
    if (!(key in target) || (isPrimitive(current) && isPrimitive(value))) {
      target[key] = structuredClone(value);
    } else if (isObject(current) && isObject(value)) {
      merge(current, value, [...names, key], label);
    } else {
      throw new Error(
        `${label}: cannot merge ${kind(value)} into the ${kind(current)} at ${formatTarget([...names, key])}; ` +
          "add a remove action for it first",
      );
    }
  }
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
