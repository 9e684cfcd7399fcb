/**
 * `@cdesk/simulator`: a stateful fake of the Compute Desk Supply API for tests. Runs anywhere
 * `fetch` does (browsers, Deno, Bun, workers); a real HTTP server is in `@cdesk/simulator/node`,
 * MSW handlers in `@cdesk/simulator/msw`.
 */
export { createSimulator, SIMULATOR_URL } from "./simulator.js";
export type { RecordedRequest, Simulator, SimulatorState } from "./simulator.js";
export type { OfferFailure, OfferSelector, SimulatorOptions } from "./options.js";
export type { FaultOptions } from "./faults.js";
export type { OfferTemplate } from "./inventory.js";
export type { OperationKey } from "./routes.js";
