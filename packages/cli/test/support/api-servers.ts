import { startMockServer } from "@cdesk/mock";

/** A running API the contract tests talk to; they only see its URL. */
export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/** The API scenarios the suites need from Prism; failures with state come from the simulator (support/simulator.ts). */
export type ApiScenario = "lifecycle";

/**
 * Starts Prism (`@cdesk/mock`) playing `scenario`: the spec's examples stepped per id, for the
 * contract (every request checked against the spec).
 */
export function startApi(scenario: ApiScenario): Promise<ApiServer> {
  return startMockServer({ port: 0, scenario });
}
