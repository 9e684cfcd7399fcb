import { startMockServer } from "@cdesk/mock";

/** A running API the contract tests talk to; they only see its URL. */
export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/** The API scenarios the suites need. */
export type ApiScenario = "lifecycle" | "provisioning-fails";

/**
 * Starts an API playing `scenario`. Prism (`@cdesk/mock`) plays them today, the spec's examples
 * stepped per id; the stateful `@cdesk/simulator` can take its place here without a test changing.
 */
export function startApi(scenario: ApiScenario): Promise<ApiServer> {
  return startMockServer({ port: 0, scenario });
}
