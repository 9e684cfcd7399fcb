/// <reference types="node" />
/**
 * The dual-package hazard, with the published builds: a client from the ESM build of @cdesk/client
 * handed to the CommonJS build of the poller (which requires the CommonJS client) is understood:
 * its 404 ends `waitForResourceDeleted` and its transient errors are retried, not fatal.
 */
import { createRequire } from "node:module";
import { afterEach, expect, it, vi } from "vitest";

const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";
const poller = createRequire(import.meta.url)("../dist/index.cjs") as typeof import("../dist/index.js");

afterEach(() => void vi.useRealTimers());

async function esmClient(fetch: (url: string) => Promise<Response>) {
  const { createCdeskClient } = await import("@cdesk/client");
  return createCdeskClient({ token: "t", fetch, maxRetries: 0, logLevel: "off" });
}

it("an ESM client's 404 tells the CommonJS poller the resource is gone", async () => {
  const cdesk = await esmClient(async () => Response.json({ detail: "Resource not found" }, { status: 404 }));
  await expect(poller.waitForResourceDeleted(cdesk, RESOURCE_ID)).resolves.toBeUndefined();
});

it("an ESM client's 503 is transient for the CommonJS poller", async () => {
  vi.useFakeTimers();
  const answers = [
    Response.json({ detail: "busy" }, { status: 503 }),
    Response.json({ resource_id: RESOURCE_ID, resource_type: "vm", vendor: "nebius", status: "deleted" }),
  ];
  const cdesk = await esmClient(async () => answers.shift()!);
  const waiting = poller.waitForResourceDeleted(cdesk, RESOURCE_ID, { intervalMs: 1000 });
  await vi.advanceTimersByTimeAsync(1100); // the interval plus at most 10 % jitter
  await expect(waiting).resolves.toMatchObject({ status: "deleted" });
});
