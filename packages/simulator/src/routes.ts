import { operations } from "./generated/operations.js";
import type { OperationSpec } from "./spec-types.js";

/** The spec's operationIds. */
export type OperationId = (typeof operations)[number]["operationId"];

/** "METHOD /path/template", the key faults are injected under, e.g. "GET /offers/{offer_id}/status". */
export type OperationKey = `${(typeof operations)[number]["method"]} ${(typeof operations)[number]["path"]}`;

export type Route = OperationSpec & { operationId: OperationId };

interface CompiledPath {
  pattern: RegExp;
  names: string[];
  byMethod: Map<string, Route>;
}

// One compiled pattern per path template, shared by its methods: a path that matches with the wrong
// method is a 405 (with Allow), one that matches nothing a 404, as Starlette's router answers.
const compiled: CompiledPath[] = [];
for (const op of operations as readonly Route[]) {
  let entry = compiled.find((c) => c.pattern.source === toPattern(op.path).source);
  if (!entry) {
    entry = { pattern: toPattern(op.path), names: [...op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!), byMethod: new Map() };
    compiled.push(entry);
  }
  entry.byMethod.set(op.method, op);
}

function toPattern(template: string): RegExp {
  const escaped = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${escaped.join("([^/]+)")}$`);
}

export type RouteMatch =
  | { kind: "operation"; route: Route; pathParams: Record<string, string> }
  | { kind: "method-not-allowed"; allow: string[] }
  | { kind: "not-found" };

/** Finds the operation for a method and a (still percent-encoded) path. */
export function matchRoute(method: string, path: string): RouteMatch {
  for (const entry of compiled) {
    const m = entry.pattern.exec(path);
    if (!m) continue;
    const route = entry.byMethod.get(method);
    if (!route) return { kind: "method-not-allowed", allow: [...entry.byMethod.keys()] };
    const pathParams: Record<string, string> = {};
    entry.names.forEach((name, i) => {
      pathParams[name] = safeDecode(m[i + 1]!);
    });
    return { kind: "operation", route, pathParams };
  }
  return { kind: "not-found" };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The operation a fault key names, or undefined. */
export function routeByKey(key: string): Route | undefined {
  return (operations as readonly Route[]).find((op) => `${op.method} ${op.path}` === key);
}

/** Every fault key, for error messages. */
export function operationKeys(): string[] {
  return operations.map((op) => `${op.method} ${op.path}`);
}

/** Whether the spec declares `status` for this operation (exactly, or by a range such as 5XX). */
export function declaresStatus(route: OperationSpec, status: number): boolean {
  return route.statuses.some((s) => s === String(status) || (/^[1-5]XX$/.test(s) && s[0] === String(status)[0]));
}
