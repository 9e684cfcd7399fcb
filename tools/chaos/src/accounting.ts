/**
 * Every resource the simulator created, held against what the acquisitions reported: each must be
 * listed on an attempt, and a fate of `deleted` or `deleting` must be true of the simulator's state.
 */
import type { AcquireAttempt } from "@cdesk/poller";

/** A resource as the simulator's state shows it. */
export interface SimulatedResource {
  resource_id: string;
  status?: string | null;
}

/** One line per resource that is missing from every report, or whose reported fate is not true. */
export function unaccountedResources(created: readonly SimulatedResource[], attempts: readonly AcquireAttempt[]): string[] {
  const reported = new Map(attempts.flatMap((attempt) => attempt.resources.map((r) => [r.resourceId, r.fate] as const)));
  const problems: string[] = [];
  for (const { resource_id: id, status } of created) {
    const fate = reported.get(id);
    if (fate === undefined) problems.push(`${id} (${status}) is on no attempt`);
    else if (fate === "deleted" && status !== "deleted") problems.push(`${id} reported deleted, is ${status}`);
    else if (fate === "deleting" && status !== "deleting" && status !== "deleted") problems.push(`${id} reported deleting, is ${status}`);
  }
  const known = new Set(created.map((r) => r.resource_id));
  for (const id of reported.keys()) if (!known.has(id)) problems.push(`${id} reported, but the simulator never created it`);
  return problems;
}
