export { startMockServer } from "./start-mock-server.js";
export type { MockServer, MockServerOptions } from "./options.js";
export { scenarioNames, scenarios } from "./scenarios.js";
export type { ScenarioName, ScenarioRoute } from "./scenarios.js";
export { formatViolation } from "./violations.js";
export type { Violation } from "./violations.js";
