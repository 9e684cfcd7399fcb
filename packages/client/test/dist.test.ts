/// <reference types="node" />
/**
 * The published builds (turbo builds before testing): both the ESM and the CommonJS entry create a
 * working client, so `require("@cdesk/client")` works as well as `import`.
 */
import { createRequire } from "node:module";
import { expect, it } from "vitest";

const fakeFetch = async () => Response.json({ H100: ["nvidia-h100-sxm5-80gb"] });

it.each([
  ["ESM", () => import("../dist/index.js")],
  ["CommonJS", async () => createRequire(import.meta.url)("../dist/index.cjs")],
])("the %s build makes calls and throws its typed errors", async (_, load) => {
  const { createCdeskClient, CdeskInputError } = await load();
  const cdesk = createCdeskClient({ token: "t", fetch: fakeFetch });
  await expect(cdesk.catalog.gpus()).resolves.toEqual({ H100: ["nvidia-h100-sxm5-80gb"] });
  await expect(cdesk.offers.get("nope")).rejects.toBeInstanceOf(CdeskInputError);
});
