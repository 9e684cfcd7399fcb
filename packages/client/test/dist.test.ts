/// <reference types="node" />
/**
 * The published builds (turbo builds before testing): both the ESM and the CommonJS entry create a
 * working client, so `require("@cdesk/client")` works as well as `import`; and an error thrown by
 * one build is an instance of the other build's class (the dual-package hazard).
 */
import { createRequire } from "node:module";
import { expect, it } from "vitest";

const fakeFetch = async () => Response.json({ H100: ["nvidia-h100-sxm5-80gb"] });
const notFound = async () => Response.json({ detail: "Resource not found" }, { status: 404 });
const esm = () => import("../dist/index.js");
const cjs = async () => createRequire(import.meta.url)("../dist/index.cjs") as typeof import("../dist/index.js");

it.each([
  ["ESM", esm],
  ["CommonJS", cjs],
])("the %s build makes calls and throws its typed errors", async (_, load) => {
  const { createCdeskClient, CdeskInputError } = await load();
  const cdesk = createCdeskClient({ token: "t", fetch: fakeFetch });
  await expect(cdesk.catalog.gpus()).resolves.toEqual({ H100: ["nvidia-h100-sxm5-80gb"] });
  await expect(cdesk.offers.get("nope")).rejects.toBeInstanceOf(CdeskInputError);
});

it.each([
  ["the CommonJS build", "the ESM build's classes", cjs, esm],
  ["the ESM build", "the CommonJS build's classes", esm, cjs],
])("an error thrown by %s is an instance of %s", async (_, __, thrower, checker) => {
  const { createCdeskClient } = await thrower();
  const { NotFoundError, CdeskApiError, CdeskError, ConflictError, CdeskConnectionError } = await checker();
  const error = await createCdeskClient({ token: "t", fetch: notFound, maxRetries: 0 })
    .resources.get("c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24")
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toBeInstanceOf(CdeskApiError);
  expect(error).toBeInstanceOf(CdeskError);
  expect(error).not.toBeInstanceOf(ConflictError);
  expect(error).not.toBeInstanceOf(CdeskConnectionError);
  expect(new Error("plain")).not.toBeInstanceOf(CdeskError);
});
