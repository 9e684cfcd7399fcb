/**
 * `@cdesk/simulator/msw`: MSW request handlers over a simulator's state, for tests that
 * intercept the global `fetch` (a browser page with a service worker, or Node with setupServer).
 */
import { http, type HttpHandler } from "msw";
import type { Simulator } from "./simulator.js";

/** Options of `handlers()`. */
export interface HandlersOptions {
  /**
   * The base URL whose requests the handlers answer.
   * @default sim.url
   * @example handlers(sim, { baseUrl: "https://supply-api.compute-desk.com" })
   */
  baseUrl?: string;
}

/**
 * One catch-all handler that answers every request under the base URL from the simulator.
 * @example
 * const worker = setupWorker(...handlers(sim));
 * await worker.start();
 */
export function handlers(sim: Simulator, options: HandlersOptions = {}): HttpHandler[] {
  const base = (options.baseUrl ?? sim.url).replace(/\/+$/, "");
  return [http.all(`${base}/*`, ({ request }) => sim.fetch(request))];
}
