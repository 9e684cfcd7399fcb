import type { TestProject } from "vitest/node";
import { startApi } from "./api-servers.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Prism playing the whole life of an offer from the spec's examples: procure, stages to `ready`, deletion. */
    lifecycleUrl: string;
  }
}

// Prism takes seconds to start: start it once for every test file. Tests that need state (an
// offer procured, then polled, failed or deleted) start their own simulator (support/simulator.ts).
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startApi("lifecycle");
  project.provide("lifecycleUrl", server.url);
  return () => server.close();
}
