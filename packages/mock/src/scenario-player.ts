import type { ScenarioRoute } from "./scenarios.js";
import type { OperationModel } from "./spec-model.js";

/** The example a scenario picks for one request, and how to record that it was served. */
export interface ScenarioPick {
  /** Example name to ask Prism for (`Prefer: example=NAME`), if the scenario has one. */
  readonly example: string | undefined;
  /** Call when the answer was a success (2xx): moves this id's progress on. */
  answered(): void;
}

const routeKey = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const idKey = (params: Record<string, string>) => JSON.stringify(Object.values(params));

/**
 * Steps through a scenario's routes. Pure state machine: no I/O, one instance per mock.
 * Progress is kept per route and per path-parameter values, so two offers polled at once
 * each go through all the stages.
 */
export function createScenarioPlayer(routes: readonly ScenarioRoute[]) {
  const served = new Map<string, number>();
  const happened = new Set<string>();

  return {
    pick(method: string, template: string, params: Record<string, string>): ScenarioPick {
      const key = routeKey(method, template);
      const id = idKey(params);
      const candidates = routes.filter((route) => routeKey(route.method, route.path) === key);
      const active =
        [...candidates].reverse().find((route) => route.after !== undefined && happened.has(`${route.after}|${id}`)) ??
        candidates.find((route) => route.after === undefined);
      const progressKey = `${routes.indexOf(active as ScenarioRoute)}|${id}`;
      const count = served.get(progressKey) ?? 0;
      return {
        example: active ? active.examples[Math.min(count, active.examples.length - 1)] : undefined,
        answered() {
          happened.add(`${key}|${id}`);
          if (active) served.set(progressKey, count + 1);
        },
      };
    },
  };
}

/** The status codes Prism answers with when asked only for an example: the lowest 2xx, else default. */
function successCode(operation: OperationModel): string | undefined {
  const codes = [...operation.exampleNames.keys()];
  return codes.filter((code) => /^2\d\d$/.test(code)).sort()[0] ?? codes.find((code) => code === "default");
}

/**
 * Checks every route and example a scenario names against the spec, so a scenario cannot
 * drift from it. Throws one error listing every problem.
 */
export function verifyScenario(name: string, routes: readonly ScenarioRoute[], operations: readonly OperationModel[]): void {
  const problems: string[] = [];
  const find = (key: string) => operations.find((operation) => routeKey(operation.method, operation.route.template) === key);
  for (const route of routes) {
    const key = routeKey(route.method, route.path);
    const operation = find(key);
    if (!operation) {
      problems.push(`${key} is not an operation of the spec`);
      continue;
    }
    if (route.after !== undefined && !find(route.after)) problems.push(`${key}: "after" names ${route.after}, not an operation of the spec`);
    const code = successCode(operation);
    const available = (code && operation.exampleNames.get(code)) || [];
    for (const example of route.examples) {
      if (!available.includes(example)) {
        problems.push(`${key}: the ${code ?? "success"} response has no example "${example}" (it has: ${available.join(", ") || "none"})`);
      }
    }
  }
  if (problems.length > 0) throw new Error(`Scenario "${name}" does not match the spec:\n- ${problems.join("\n- ")}`);
}
