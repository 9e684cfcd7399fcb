import type { TestProject } from "vitest/node";
import { startApi, type ApiServer } from "./api-servers.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** An API playing the whole life of an offer: procure, stages to `ready`, deletion. */
    lifecycleUrl: string;
    /** An API whose offers end `failed`. */
    failingUrl: string;
  }
}

// Prism takes seconds to start: start the two APIs once for every test file.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers: ApiServer[] = [];
  try {
    servers.push(await startApi("lifecycle"));
    servers.push(await startApi("provisioning-fails"));
  } catch (error) {
    await Promise.all(servers.map((server) => server.close()));
    throw error;
  }
  project.provide("lifecycleUrl", servers[0]!.url);
  project.provide("failingUrl", servers[1]!.url);
  return async () => {
    await Promise.all(servers.map((server) => server.close()));
  };
}
