import { compileRouteTemplate, type RouteTemplate } from "./route-template.js";

/** What the front needs to know about one operation of the spec. */
export interface OperationModel {
  /** Upper-case HTTP method, e.g. `GET`. */
  readonly method: string;
  readonly route: RouteTemplate;
  /** Media types the request body may have (empty: the operation takes no body). */
  readonly requestMediaTypes: readonly string[];
  /** Example names of each response, by status code (`"200"`, `"409"`...). */
  readonly exampleNames: ReadonlyMap<string, readonly string[]>;
  /** The operation's parameters (its own and its path's), `$ref`s resolved. */
  readonly parameters: readonly ParameterModel[];
  /** True when a security requirement applies (the API's is a bearer token). */
  readonly secured: boolean;
}

export interface ParameterModel {
  readonly name: string;
  readonly in: "path" | "query" | "header" | "cookie";
  readonly schema: Record<string, unknown>;
}

type Json = Record<string, unknown>;

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Follows a local `$ref` (`#/components/...`). Specs that point at other files are not
 * supported: the mock serves one self-contained document.
 */
export function resolveLocalRef(document: Json, node: unknown): unknown {
  let current = node;
  const seen = new Set<string>();
  while (isObject(current) && typeof current.$ref === "string") {
    const ref = current.$ref;
    if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got "${ref}"`);
    if (seen.has(ref)) throw new Error(`Circular $ref "${ref}"`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split("/")
      .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<unknown>((value, key) => (isObject(value) ? value[key] : undefined), document);
    if (current === undefined) throw new Error(`Unresolvable $ref "${ref}"`);
  }
  return current;
}

function contentOf(document: Json, node: unknown): Json {
  const resolved = resolveLocalRef(document, node);
  return isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
}

function exampleNamesOf(document: Json, response: unknown): string[] {
  const names = new Set<string>();
  for (const media of Object.values(contentOf(document, response))) {
    if (isObject(media) && isObject(media.examples)) Object.keys(media.examples).forEach((name) => names.add(name));
  }
  return [...names];
}

export function parametersOf(document: Json, pathItem: Json, operation: Json): ParameterModel[] {
  const declared = [pathItem.parameters, operation.parameters].flatMap((list) => (Array.isArray(list) ? list : []));
  const byKey = new Map<string, ParameterModel>();
  for (const node of declared) {
    const parameter = resolveLocalRef(document, node);
    if (!isObject(parameter) || typeof parameter.name !== "string") continue;
    const schema = resolveLocalRef(document, parameter.schema);
    // An operation's parameter overrides its path's one of the same name and location.
    byKey.set(`${String(parameter.in)}:${parameter.name}`, {
      name: parameter.name,
      in: parameter.in as ParameterModel["in"],
      schema: isObject(schema) ? schema : {},
    });
  }
  return [...byKey.values()];
}

function isSecured(document: Json, operation: Json): boolean {
  const requirements = operation.security ?? document.security;
  // `[]` or `[{}]` (an empty requirement) means no token is needed.
  return Array.isArray(requirements) && requirements.length > 0 && requirements.every((r) => isObject(r) && Object.keys(r).length > 0);
}

/** Reads the operations of an OpenAPI 3.x document (already parsed). */
export function readOperations(document: Json): OperationModel[] {
  if (!isObject(document.paths)) throw new Error("The spec has no `paths` object");
  const operations: OperationModel[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!isObject(pathItem)) continue;
    const route = compileRouteTemplate(path);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const responses = isObject(operation.responses) ? operation.responses : {};
      operations.push({
        method: method.toUpperCase(),
        route,
        requestMediaTypes: Object.keys(contentOf(document, operation.requestBody)),
        exampleNames: new Map(
          Object.entries(responses).map(([code, response]) => [code, exampleNamesOf(document, response)]),
        ),
        parameters: parametersOf(document, pathItem, operation),
        secured: isSecured(document, operation),
      });
    }
  }
  // Literal paths before templated ones, as Prism routes them: /offers/x before /offers/{id}.
  return operations.sort((a, b) => a.route.paramNames.length - b.route.paramNames.length);
}

/** The operation a request goes to, with its path parameters, or undefined. */
export function findOperation(
  operations: readonly OperationModel[],
  method: string,
  pathname: string,
): { operation: OperationModel; params: Record<string, string> } | undefined {
  for (const operation of operations) {
    if (operation.method !== method.toUpperCase()) continue;
    const params = operation.route.match(pathname);
    if (params) return { operation, params };
  }
  return undefined;
}

/**
 * The methods the spec declares for a path, for a 405's `Allow` header; empty when no path
 * matches. `HEAD` goes with `GET`, as Starlette routes it.
 */
export function allowedMethods(operations: readonly OperationModel[], pathname: string): string[] {
  const methods = operations
    .filter((operation) => operation.route.match(pathname))
    .flatMap((operation) => (operation.method === "GET" ? ["GET", "HEAD"] : [operation.method]));
  return [...new Set(methods)];
}
