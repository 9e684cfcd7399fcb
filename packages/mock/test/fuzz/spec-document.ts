import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";
import { readOperations, resolveLocalRef, type OperationModel } from "../../src/spec-model.js";

export type Json = Record<string, unknown>;

/** The spec the mock serves by default (the one @cdesk/types ships), parsed once. */
export const spec: Json = parse(readFileSync(createRequire(import.meta.url).resolve("@cdesk/types/openapi.yaml"), "utf8"));

export const operations: readonly OperationModel[] = readOperations(spec);

export const resolve = (node: unknown): Json => (resolveLocalRef(spec, node) ?? {}) as Json;

/** The spec's own object for an operation (request body, responses). */
export function operationObject(operation: OperationModel): Json {
  const paths = spec.paths as Record<string, Json>;
  return paths[operation.route.template]?.[operation.method.toLowerCase()] as Json;
}
