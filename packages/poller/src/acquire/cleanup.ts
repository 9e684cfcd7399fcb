import { CdeskApiError } from "@cdesk/client";
import type { ResolvedWaitOptions } from "../options.js";
import { MAX_TIMER_MS } from "../schedule.js";
import { waitForResourceDeleted } from "../wait-for-resource-deleted.js";
import type { AcquireClient } from "./client.js";
import type { ResourceFate } from "./record.js";

/** What the acquisition asked for: delete what failed attempts created, or keep everything. */
export type CleanupPolicy = "on-failure" | "never";

export interface CleanupRun {
  policy: CleanupPolicy;
  /** The cadence of the deletion waits. */
  wait: Pick<ResolvedWaitOptions<unknown>, "intervalMs" | "maxIntervalMs" | "backoffFactor" | "maxConsecutiveErrors">;
  /** Ends the cleanup: fires a bounded grace period after the acquisition stops. */
  signal: AbortSignal;
}

/**
 * Every resource of an offer: the ids already known, plus what `GET /resources?offer_id=` lists
 * (a procure answer that was lost, or resources created during provisioning). When the list
 * cannot be read, the known ids are all there is.
 */
export async function resourcesOf(
  cdesk: Pick<AcquireClient, "resources">,
  offerId: string,
  known: Iterable<string>,
  signal: AbortSignal,
): Promise<string[]> {
  const ids = new Set(known);
  const listed = await cdesk.resources.list({ offer_id: offerId }, { signal }).catch(() => []);
  for (const resource of listed) if (typeof resource?.resource_id === "string") ids.add(resource.resource_id);
  return [...ids];
}

/**
 * Deletes each resource (`force`) and waits until it is gone, all at once. Never rejects: every
 * resource comes back with its fate, and a failure is kept on it as `cleanupError`.
 */
export function cleanUp(cdesk: Pick<AcquireClient, "resources">, resourceIds: string[], run: CleanupRun): Promise<ResourceFate[]> {
  if (run.policy === "never") return Promise.resolve(resourceIds.map((resourceId) => ({ resourceId, fate: "kept" as const })));
  return Promise.all(resourceIds.map((resourceId) => deleteAndWait(cdesk, resourceId, run)));
}

async function deleteAndWait(cdesk: Pick<AcquireClient, "resources">, resourceId: string, run: CleanupRun): Promise<ResourceFate> {
  const { intervalMs, maxIntervalMs, backoffFactor, maxConsecutiveErrors } = run.wait;
  const { signal } = run;
  try {
    await cdesk.resources.delete(resourceId, { force: true }, { signal });
  } catch (error) {
    // 404: gone already. 409: deleted or being deleted already (an earlier try whose answer was lost).
    if (statusOf(error) === 404) return { resourceId, fate: "deleted" };
    if (statusOf(error) !== 409) return { resourceId, fate: "kept", cleanupError: error };
  }
  try {
    await waitForResourceDeleted(cdesk, resourceId, { intervalMs, maxIntervalMs, backoffFactor, maxConsecutiveErrors, timeoutMs: MAX_TIMER_MS, signal });
    return { resourceId, fate: "deleted" };
  } catch (error) {
    return { resourceId, fate: "deleting", cleanupError: error };
  }
}

function statusOf(error: unknown): number | undefined {
  return error instanceof CdeskApiError ? error.status : undefined;
}
