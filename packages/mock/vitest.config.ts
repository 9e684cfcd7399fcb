import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The scenario tests drive the mock with the real client, read from its source: a workspace
    // dependency on @cdesk/client would close a cycle (the client's contract tests need this
    // package built first). turbo.json here adds the client's source to this package's test inputs.
    alias: { "@cdesk/client": fileURLToPath(new URL("../client/src/index.ts", import.meta.url)) },
  },
  test: {
    globalSetup: ["test/global-setup.ts"],
    // Each contract test file starts Prism: about 1 s on an idle machine, up to 8 s measured
    // on this 2-core machine while other suites ran.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
