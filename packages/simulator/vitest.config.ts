import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // The README's example tests drive the simulator with the real client, read from its source:
    // a workspace dependency on @cdesk/client would close a cycle once the client's own tests use
    // the simulator. turbo.json here adds the client's source to this package's test inputs.
    alias: { "@cdesk/client": fileURLToPath(new URL("../client/src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
  },
});
