/** One route of a scenario: which of the spec's examples its successive answers use. */
export interface ScenarioRoute {
  /** Upper-case HTTP method. */
  readonly method: "GET" | "POST" | "DELETE";
  /** Path template exactly as in the spec, e.g. `/offers/{offer_id}/status`. */
  readonly path: string;
  /**
   * Example names of the operation's success response, served in order, one per successful
   * answer, per path-parameter value (each offer id has its own progress); the last repeats.
   */
  readonly examples: readonly string[];
  /**
   * This route only applies once this request (`"METHOD /template"`) has been answered with
   * success for the same path-parameter values; until then an earlier route of the same
   * operation applies.
   */
  readonly after?: string;
}

const procureAccepted: ScenarioRoute = { method: "POST", path: "/procure_offer", examples: ["provisioning_in_progress"] };

const statusStages = (last: "ready" | "failed"): ScenarioRoute => ({
  method: "GET",
  path: "/offers/{offer_id}/status",
  examples: ["provisioning_started", "provisioning_in_progress", last],
});

const deletionRoutes: readonly ScenarioRoute[] = [
  { method: "DELETE", path: "/resources/{resource_id}", examples: ["deleting"] },
  { method: "GET", path: "/resources/{resource_id}", examples: ["running"] },
  {
    method: "GET",
    path: "/resources/{resource_id}",
    examples: ["deleting", "deleted"],
    after: "DELETE /resources/{resource_id}",
  },
];

/**
 * The scenarios shipped. Each only picks among the spec's named examples; start-up fails if
 * one names an example the spec lacks, so they cannot drift from it.
 */
export const scenarios = {
  /** Procure is accepted; the offer's status goes `provisioning_started`, `provisioning_in_progress`, then stays `ready`. */
  provisioning: [procureAccepted, statusStages("ready")],
  /** As `provisioning`, but the status ends (and stays) `failed`. */
  "provisioning-fails": [procureAccepted, statusStages("failed")],
  /**
   * A resource is `running` until it is deleted; `DELETE` answers `deleting`; afterwards the
   * resource reads `deleting`, then stays `deleted`.
   */
  deletion: deletionRoutes,
  /** `provisioning` then `deletion`: the whole life of an offer, for demos. */
  lifecycle: [procureAccepted, statusStages("ready"), ...deletionRoutes],
} as const satisfies Record<string, readonly ScenarioRoute[]>;

/** The name of a shipped scenario. */
export type ScenarioName = keyof typeof scenarios;

/** The names of the shipped scenarios: `provisioning`, `provisioning-fails`, `deletion`, `lifecycle`. */
export const scenarioNames = Object.keys(scenarios) as ScenarioName[];

export function isScenarioName(name: string): name is ScenarioName {
  return Object.hasOwn(scenarios, name);
}
