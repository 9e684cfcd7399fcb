import { startMockServer } from "@cdesk/mock";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    mockUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const mock = await startMockServer({ port: 0 });
  project.provide("mockUrl", mock.url);
  return async () => {
    const { violations } = mock;
    await mock.close();
    // Prism checked every request the tests' code sent; any that broke the spec fails the run.
    if (violations.length > 0) throw new Error(`requests that break the spec:\n${JSON.stringify(violations, null, 2)}`);
  };
}
