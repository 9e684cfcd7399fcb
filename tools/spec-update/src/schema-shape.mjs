// Reduces a JSON Schema to what a client depends on: its type(s), whether null is allowed, its
// known values, its constraints (pattern, lengths, bounds, format), and the schemas of its
// properties and items. $refs are followed; the component name is kept so that a change inside a
// shared schema is reported once, under that name. A $ref beside upstream's own keywords (how the
// overlay narrows an upstream field to one of our schemas) keeps upstream's facts visible.

/**
 * @typedef {Record<string, any>} Schema
 * @typedef {{ values: unknown[], open: boolean }} ValueSet
 * @typedef {{
 *   types: string[], nullable: boolean, ref?: string, values?: ValueSet,
 *   properties?: Record<string, Schema>, required?: string[], items?: Schema,
 *   constraints?: Record<string, unknown>,
 * }} Shape
 */

/** Keywords that restrict the values a schema accepts without changing its type. */
export const CONSTRAINTS = [
  "format", "pattern", "minLength", "maxLength", "x-max-utf8-bytes", "minimum", "exclusiveMinimum", "maximum",
  "exclusiveMaximum", "multipleOf", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
];

/** Keywords beside a $ref that only document it. */
const ANNOTATIONS = new Set(["title", "description", "summary", "default", "example", "examples", "deprecated", "readOnly", "writeOnly"]);

/**
 * @param {Schema} document the OpenAPI document `schema` belongs to (for $refs)
 * @param {Schema | undefined} schema
 * @returns {Shape}
 */
export function shapeOf(document, schema) {
  if (typeof schema?.$ref === "string" && Object.keys(schema).some((key) => key !== "$ref" && !ANNOTATIONS.has(key))) {
    return narrowedShape(document, schema);
  }
  const { schema: resolved, ref } = deref(document, schema);
  const branches = resolved.anyOf ?? resolved.oneOf;
  if (Array.isArray(branches)) {
    const nonNull = branches.filter((branch) => !isNullSchema(deref(document, branch).schema));
    const nullable = nonNull.length < branches.length;
    const open = openStringSet(document, nonNull);
    if (open) return withRef({ types: ["string"], nullable, values: open }, ref);
    if (nonNull.length === 1) {
      const inner = shapeOf(document, nonNull[0]);
      return withRef({ ...inner, nullable: inner.nullable || nullable }, ref ?? inner.ref);
    }
    const types = [...new Set(nonNull.flatMap((branch) => shapeOf(document, branch).types))].sort();
    return withRef({ types, nullable }, ref);
  }
  const declared = Array.isArray(resolved.type) ? resolved.type : resolved.type ? [resolved.type] : inferTypes(resolved);
  const enumValues = Array.isArray(resolved.enum) ? resolved.enum : undefined;
  /** @type {Shape} */
  const shape = {
    types: declared.filter((type) => type !== "null").sort(),
    nullable: declared.includes("null") || resolved.nullable === true || Boolean(enumValues?.includes(null)),
  };
  if (enumValues) shape.values = { values: enumValues.filter((value) => value !== null), open: false };
  if (resolved.properties) {
    shape.properties = resolved.properties;
    shape.required = Array.isArray(resolved.required) ? resolved.required : [];
  }
  if (resolved.items) shape.items = resolved.items;
  const constraints = Object.fromEntries(CONSTRAINTS.filter((key) => key in resolved).map((key) => [key, resolved[key]]));
  if (Object.keys(constraints).length > 0) shape.constraints = constraints;
  return withRef(shape, ref);
}

/**
 * `{type: string, title: Status, $ref: '#/components/schemas/OfferLifecycleStatus'}`: upstream's
 * keywords with the overlay's $ref beside them. Upstream's facts (type, nullability, values,
 * properties, constraints) win over the referenced schema's, so an upstream change to the field is
 * reported even though the overlay narrowed it. No component name: the field is not the shared schema.
 * @param {Schema} document
 * @param {Schema} schema
 * @returns {Shape}
 */
function narrowedShape(document, schema) {
  const { $ref, ...siblings } = schema;
  const referenced = shapeOf(document, { $ref });
  const own = shapeOf(document, siblings);
  const declaresType = "type" in siblings || "anyOf" in siblings || "oneOf" in siblings || "enum" in siblings;
  /** @type {Shape} */
  const shape = declaresType ? { types: own.types, nullable: own.nullable } : { types: referenced.types, nullable: referenced.nullable };
  const values = own.values ?? referenced.values;
  if (values) shape.values = values;
  const properties = own.properties ? own : referenced;
  if (properties.properties) Object.assign(shape, { properties: properties.properties, required: properties.required });
  const items = own.items ?? referenced.items;
  if (items) shape.items = items;
  const constraints = { ...referenced.constraints, ...own.constraints };
  if (Object.keys(constraints).length > 0) shape.constraints = constraints;
  return shape;
}

/**
 * Follows local `#/components/...` references.
 * @param {Schema} document
 * @param {Schema | undefined} schema
 * @returns {{ schema: Schema, ref?: string }}
 */
export function deref(document, schema) {
  let current = schema ?? {};
  /** @type {string | undefined} */
  let ref;
  for (let hops = 0; typeof current.$ref === "string" && hops < 32; hops++) {
    ref = current.$ref.split("/").pop();
    const target = resolvePointer(document, current.$ref);
    if (!target) return { schema: {}, ref };
    current = target;
  }
  return { schema: current, ref };
}

/**
 * @param {Schema} document
 * @param {string} pointer
 * @returns {Schema | undefined}
 */
function resolvePointer(document, pointer) {
  if (!pointer.startsWith("#/")) return undefined;
  /** @type {any} */
  let node = document;
  for (const part of pointer.slice(2).split("/")) {
    node = node?.[decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~")];
  }
  return node && typeof node === "object" ? node : undefined;
}

/**
 * `anyOf: [{type: string, enum: [...]}, {type: string}]`: known values listed, any string accepted.
 * @param {Schema} document
 * @param {Schema[]} branches
 * @returns {ValueSet | undefined}
 */
function openStringSet(document, branches) {
  if (branches.length !== 2) return undefined;
  const [first, second] = branches.map((branch) => deref(document, branch).schema);
  const known = [first, second].find((b) => b?.type === "string" && Array.isArray(b.enum));
  const anyString = [first, second].find((b) => b?.type === "string" && !b.enum);
  return known && anyString ? { values: known.enum, open: true } : undefined;
}

/** @param {Schema} schema */
function isNullSchema(schema) {
  return schema.type === "null" || (Array.isArray(schema.enum) && schema.enum.length === 1 && schema.enum[0] === null);
}

/** @param {Schema} schema @returns {string[]} */
function inferTypes(schema) {
  if (schema.properties || schema.additionalProperties) return ["object"];
  if (schema.items) return ["array"];
  if (Array.isArray(schema.enum)) return [...new Set(schema.enum.map((v) => (v === null ? "null" : typeof v)))];
  return ["any"];
}

/** @param {Shape} shape @param {string | undefined} ref @returns {Shape} */
function withRef(shape, ref) {
  return ref ? { ...shape, ref } : shape;
}
