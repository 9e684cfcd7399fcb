// What changed between two versions of the spec, for someone who calls the API through our client:
// operations, parameters, request bodies and responses, each change marked breaking or not.
import { diffSchemas } from "./diff-schemas.mjs";
import { deref } from "./schema-shape.mjs";

/**
 * @typedef {import("./diff-schemas.mjs").Change} Change
 * @typedef {import("./diff-schemas.mjs").DiffContext} DiffContext
 * @typedef {import("./schema-shape.mjs").Schema} Schema
 */

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/**
 * @param {Schema} oldDoc the spec before the update
 * @param {Schema} newDoc the spec after it
 * @returns {Change[]} in document order; breaking ones are marked `breaking: true`
 */
export function diffSpecs(oldDoc, newDoc) {
  /** @type {DiffContext} */
  const context = { oldDoc, newDoc, changes: [], seen: new Set() };
  const before = operationsOf(oldDoc);
  const after = operationsOf(newDoc);
  for (const [name, op] of after) {
    if (!before.has(name)) operationChange(context, false, name, `operation added${idOf(op)}`);
  }
  for (const [name, op] of before) {
    const now = after.get(name);
    if (!now) operationChange(context, true, name, `operation removed${idOf(op)}`);
    else diffOperation(context, name, op, now);
  }
  return unique(context.changes);
}

/**
 * @param {DiffContext} context
 * @param {string} name e.g. `GET /offers/{offer_id}`
 * @param {Schema} before
 * @param {Schema} after
 */
function diffOperation(context, name, before, after) {
  diffParameters(context, name, before, after);
  diffRequestBody(context, name, before.requestBody, after.requestBody);
  const codes = new Set([...Object.keys(before.responses ?? {}), ...Object.keys(after.responses ?? {})]);
  for (const code of codes) {
    const oldResponse = before.responses?.[code] && deref(context.oldDoc, before.responses[code]).schema;
    const newResponse = after.responses?.[code] && deref(context.newDoc, after.responses[code]).schema;
    const where = `${name} ${code} response`;
    if (!newResponse) context.changes.push({ breaking: code.startsWith("2"), scope: "response", where, change: "removed" });
    else if (!oldResponse) context.changes.push({ breaking: false, scope: "response", where, change: "added" });
    else diffContent(context, where, oldResponse.content, newResponse.content, "response");
  }
}

/**
 * @param {DiffContext} context
 * @param {string} name
 * @param {Schema} before
 * @param {Schema} after
 */
function diffParameters(context, name, before, after) {
  const oldParams = parametersOf(context.oldDoc, before);
  const newParams = parametersOf(context.newDoc, after);
  for (const [key, param] of newParams) {
    const where = `${name} ${key.replace(":", " parameter ")}`;
    const old = oldParams.get(key);
    if (!old) {
      context.changes.push({ breaking: Boolean(param.required), scope: "request", where, change: `added${param.required ? ", required" : " (optional)"}` });
      continue;
    }
    if (Boolean(old.required) !== Boolean(param.required)) {
      context.changes.push({ breaking: Boolean(param.required), scope: "request", where, change: param.required ? "now required" : "now optional" });
    }
    diffSchemas(context, old.schema, param.schema, where, "request");
  }
  for (const key of oldParams.keys()) {
    if (!newParams.has(key)) {
      context.changes.push({ breaking: true, scope: "request", where: `${name} ${key.replace(":", " parameter ")}`, change: "removed" });
    }
  }
}

/**
 * @param {DiffContext} context
 * @param {string} name
 * @param {Schema | undefined} oldBody
 * @param {Schema | undefined} newBody
 */
function diffRequestBody(context, name, oldBody, newBody) {
  const before = oldBody && deref(context.oldDoc, oldBody).schema;
  const after = newBody && deref(context.newDoc, newBody).schema;
  const where = `${name} request body`;
  if (!before && !after) return;
  if (!after) return void context.changes.push({ breaking: true, scope: "request", where, change: "removed" });
  if (!before) {
    return void context.changes.push({ breaking: Boolean(after.required), scope: "request", where, change: `added${after.required ? ", required" : " (optional)"}` });
  }
  if (Boolean(before.required) !== Boolean(after.required)) {
    context.changes.push({ breaking: Boolean(after.required), scope: "request", where, change: after.required ? "now required" : "now optional" });
  }
  diffContent(context, where, before.content, after.content, "request");
}

/**
 * @param {DiffContext} context
 * @param {string} where
 * @param {Record<string, Schema> | undefined} oldContent media type -> Media Type Object
 * @param {Record<string, Schema> | undefined} newContent
 * @param {import("./diff-schemas.mjs").Direction} direction
 */
function diffContent(context, where, oldContent = {}, newContent = {}, direction) {
  for (const [type, media] of Object.entries(newContent)) {
    const old = oldContent[type];
    if (!old) context.changes.push({ breaking: false, scope: direction, where, change: `now also ${direction === "request" ? "accepts" : "sends"} ${type}` });
    else diffSchemas(context, old.schema, media.schema, where, direction);
  }
  for (const type of Object.keys(oldContent)) {
    if (!(type in newContent)) context.changes.push({ breaking: true, scope: direction, where, change: `no longer ${direction === "request" ? "accepts" : "sends"} ${type}` });
  }
}

/** @param {Schema} document @returns {Map<string, Schema>} `METHOD /path` -> operation */
function operationsOf(document) {
  const operations = new Map();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      if (item?.[method]) operations.set(`${method.toUpperCase()} ${path}`, { ...item[method], pathParameters: item.parameters });
    }
  }
  return operations;
}

/**
 * Path-level and operation-level parameters, keyed `in:name` (the operation's win).
 * @param {Schema} document
 * @param {Schema} operation
 * @returns {Map<string, Schema>}
 */
function parametersOf(document, operation) {
  const params = new Map();
  for (const param of [...(operation.pathParameters ?? []), ...(operation.parameters ?? [])]) {
    const resolved = deref(document, param).schema;
    params.set(`${resolved.in}:${resolved.name}`, resolved);
  }
  return params;
}

/** @param {DiffContext} context @param {boolean} breaking @param {string} where @param {string} change */
function operationChange(context, breaking, where, change) {
  context.changes.push({ breaking, scope: "operation", where, change });
}

/** @param {Schema} op */
function idOf(op) {
  return op.operationId ? ` (${op.operationId})` : "";
}

/** @param {Change[]} changes */
function unique(changes) {
  const seen = new Set();
  return changes.filter((c) => {
    const key = `${c.scope}|${c.where}|${c.change}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
