import { defineConfig } from "vitest/config";

export default defineConfig({
  // One Prism for the whole run: it takes a second or more to start.
  test: { globalSetup: ["./test/mock-server.ts"] },
});
