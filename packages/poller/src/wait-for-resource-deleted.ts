import { NotFoundError } from "@cdesk/client";
import type { Resource, ResourceClient } from "./client.js";
import { type WaitOptions, resolveWaitOptions } from "./options.js";
import { poll } from "./poll.js";
import { resourceVerdict } from "./terminal.js";

/**
 * Polls `GET /resources/{resourceId}` until the resource is `deleted` (after `deleting`), or the API
 * answers 404 because it is gone. Resolves with the deleted resource, or `undefined` after a 404.
 * Call it after `cdesk.resources.delete(resourceId)`; it does not delete anything itself.
 * Rejects like `waitForOfferReady` (`WaitTimeoutError`, `AbortError`, the client's fatal errors).
 *
 * @example
 * await cdesk.resources.delete(resourceId);
 * await waitForResourceDeleted(cdesk, resourceId, { timeoutMs: 5 * 60_000 });
 */
export async function waitForResourceDeleted(
  cdesk: ResourceClient,
  resourceId: string,
  options?: WaitOptions<Resource>,
): Promise<Resource | undefined> {
  const resolved = resolveWaitOptions(options);
  let last: Resource | undefined;
  // forceRefresh: without it the server may answer from a state up to 30 s old (its documented
  // reconciliation cooldown), reporting a resource that is already gone as still deleting.
  const target = {
    fetch: (signal: AbortSignal) => cdesk.resources.get(resourceId, { forceRefresh: true }, { signal }),
    verdict: resourceVerdict,
  };
  try {
    for await (const resource of poll(target, resolved)) last = resource;
  } catch (error) {
    if (error instanceof NotFoundError) return undefined;
    throw error;
  }
  return last;
}
