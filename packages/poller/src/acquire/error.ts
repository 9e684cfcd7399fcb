import { CdeskError, ERROR_KIND } from "@cdesk/client";
import type { AcquireAttempt } from "./record.js";

/**
 * No machine was acquired. `attempts` lists every offer procured (or tried), every resource each one
 * created and its fate; `cause` is what ended the acquisition (the abort, a `WaitTimeoutError` for
 * `timeoutMs`, a 401, the last attempt's failure, ...), or `undefined` when no offer was eligible.
 */
export class AcquireError extends CdeskError {
  // Its kind lets `instanceof` hold across copies of the package (ESM and CommonJS builds).
  static override readonly [ERROR_KIND]: string = "AcquireError";
  override name = "AcquireError";
  readonly attempts: AcquireAttempt[];

  constructor(summary: string, details: { attempts: AcquireAttempt[]; cause: unknown }) {
    super(`${summary}${describeCause(details.cause)}${describeAttempts(details.attempts)}`, { cause: details.cause });
    this.attempts = details.attempts;
  }
}

function describeCause(cause: unknown): string {
  return cause instanceof Error ? ` (${cause.name}: ${cause.message})` : "";
}

/** One clause per attempt: the offer, how it ended, and what became of its resources. */
function describeAttempts(attempts: AcquireAttempt[]): string {
  if (attempts.length === 0) return "; no offer was procured";
  const clauses = attempts.map(({ offer, outcome, resources }) => {
    const how = outcome === "outcome-unknown" ? "outcome unknown: check cdesk.offers.status before procuring again" : outcome;
    const fates = resources.map(({ resourceId, fate }) => `${resourceId} ${fate}`).join(", ");
    return `offer ${offer.offer_id} ${how}${fates ? ` (resources: ${fates})` : ""}`;
  });
  return `; ${clauses.join("; ")}`;
}
