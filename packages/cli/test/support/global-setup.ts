import { startMockServer, type MockServer } from "@cdesk/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** A mock playing the whole life of an offer: procure, stages to `ready`, deletion. */
    lifecycleUrl: string;
    /** A mock whose offers end `failed`. */
    failingUrl: string;
  }
}

// Prism takes seconds to start: start the two mocks once for every test file.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mocks: MockServer[] = [];
  try {
    mocks.push(await startMockServer({ port: 0, scenario: "lifecycle" }));
    mocks.push(await startMockServer({ port: 0, scenario: "provisioning-fails" }));
  } catch (error) {
    await Promise.all(mocks.map((mock) => mock.close()));
    throw error;
  }
  project.provide("lifecycleUrl", mocks[0]!.url);
  project.provide("failingUrl", mocks[1]!.url);
  return async () => {
    await Promise.all(mocks.map((mock) => mock.close()));
  };
}
