import type { TestProject } from "vitest/node";
import { type LifecycleConfigs, startLifecycleServers } from "./servers.js";

declare module "vitest" {
  export interface ProvidedContext {
    lifecycle: LifecycleConfigs;
  }
}

/** Starts the lifecycle servers once for every runtime test file, and stops them at the end. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const servers = await startLifecycleServers();
  project.provide("lifecycle", servers.configs);
  return () => servers.close();
}
