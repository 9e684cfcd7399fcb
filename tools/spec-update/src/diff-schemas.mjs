// Compares two versions of a schema as a client sees them. `direction` says which side the client
// is on: for a request it sends the data (breaking = the server accepts less), for a response it
// receives it (breaking = the server may send something the old types did not allow, or stops
// sending something they promised).
import { diffConstraints } from "./diff-constraints.mjs";
import { shapeOf } from "./schema-shape.mjs";

/**
 * @typedef {import("./schema-shape.mjs").Schema} Schema
 * @typedef {import("./schema-shape.mjs").Shape} Shape
 * @typedef {"request" | "response"} Direction
 * @typedef {{ breaking: boolean, scope: Direction | "operation", where: string, change: string }} Change
 * @typedef {{ oldDoc: Schema, newDoc: Schema, changes: Change[], seen: Set<string> }} DiffContext
 */

/**
 * Appends to `context.changes` what changed between `oldSchema` and `newSchema` at `where`.
 * @param {DiffContext} context
 * @param {Schema | undefined} oldSchema
 * @param {Schema | undefined} newSchema
 * @param {string} where
 * @param {Direction} direction
 */
export function diffSchemas(context, oldSchema, newSchema, where, direction) {
  const before = shapeOf(context.oldDoc, oldSchema);
  const after = shapeOf(context.newDoc, newSchema);
  /** @param {boolean} breaking @param {string} change @param {string} [at] */
  const report = (breaking, change, at = where) => context.changes.push({ breaking, scope: direction, where: at, change });
  const request = direction === "request";

  if (typeLabel(before) !== typeLabel(after)) {
    report(true, `type changed from ${typeLabel(before)} to ${typeLabel(after)}`);
    return;
  }
  if (before.nullable !== after.nullable) {
    if (request) report(before.nullable, after.nullable ? "now accepts null" : "no longer accepts null");
    else report(after.nullable, after.nullable ? "may now be null" : "is never null any more");
  }
  // Inside a shared component, changes are reported once, under the component's name.
  const inside = before.ref && after.ref ? after.ref : where;
  if (before.ref && after.ref) {
    const key = `${direction}:${before.ref}:${after.ref}`;
    if (context.seen.has(key)) return;
    context.seen.add(key);
  }
  diffValues(before, after, direction, (breaking, change) => report(breaking, change, inside));
  diffConstraints(before.constraints, after.constraints, direction, (breaking, change) => report(breaking, change, inside));
  diffProperties(context, before, after, inside, direction);
  if (before.items || after.items) diffSchemas(context, before.items, after.items, `${inside}[]`, direction);
}

/**
 * @param {Shape} before
 * @param {Shape} after
 * @param {Direction} direction
 * @param {(breaking: boolean, change: string) => void} report
 */
function diffValues(before, after, direction, report) {
  const request = direction === "request";
  const list = (/** @type {unknown[]} */ values) => values.map((v) => JSON.stringify(v)).join(", ");
  if (!before.values && !after.values) return;
  if (!before.values && after.values) {
    const closed = !after.values.open;
    report(request && closed, `${closed ? "now one of" : "known values listed"}: ${list(after.values.values)}`);
    return;
  }
  if (before.values && !after.values) {
    report(!request && !before.values.open, "known values no longer listed: any value");
    return;
  }
  const old = /** @type {import("./schema-shape.mjs").ValueSet} */ (before.values);
  const now = /** @type {import("./schema-shape.mjs").ValueSet} */ (after.values);
  const added = now.values.filter((v) => !old.values.includes(v));
  const removed = old.values.filter((v) => !now.values.includes(v));
  if (added.length) report(!request && !now.open, `value${added.length > 1 ? "s" : ""} added: ${list(added)}`);
  if (removed.length) report(request && !now.open, `value${removed.length > 1 ? "s" : ""} removed: ${list(removed)}`);
  if (old.open !== now.open) {
    if (now.open) report(!request, "any other string is now allowed too (an open set)");
    else report(request, "only the listed values are allowed now (a closed set)");
  }
}

/**
 * @param {DiffContext} context
 * @param {Shape} before
 * @param {Shape} after
 * @param {string} where
 * @param {Direction} direction
 */
function diffProperties(context, before, after, where, direction) {
  const request = direction === "request";
  const oldProps = before.properties ?? {};
  const newProps = after.properties ?? {};
  const wasRequired = new Set(before.required ?? []);
  const isRequired = new Set(after.required ?? []);
  /** @param {boolean} breaking @param {string} field @param {string} change */
  const report = (breaking, field, change) =>
    context.changes.push({ breaking, scope: direction, where: `${where}.${field}`, change });

  for (const field of Object.keys(oldProps)) {
    if (!(field in newProps)) report(true, field, "field removed");
  }
  for (const [field, schema] of Object.entries(newProps)) {
    const label = describeType(shapeOf(context.newDoc, schema));
    if (!(field in oldProps)) {
      const required = isRequired.has(field);
      report(request && required, field, `field added (${label}${required ? ", required" : ", optional"})`);
      continue;
    }
    if (wasRequired.has(field) !== isRequired.has(field)) {
      const nowRequired = isRequired.has(field);
      if (request) report(nowRequired, field, nowRequired ? "now required" : "now optional");
      else report(!nowRequired, field, nowRequired ? "now always present (required)" : "may now be absent (no longer required)");
    }
    diffSchemas(context, oldProps[field], schema, `${where}.${field}`, direction);
  }
}

/** @param {Shape} shape */
export function typeLabel(shape) {
  return shape.types.join(" | ");
}

/** @param {Shape} shape */
function describeType(shape) {
  return `${shape.ref ?? typeLabel(shape)}${shape.nullable ? " or null" : ""}`;
}
