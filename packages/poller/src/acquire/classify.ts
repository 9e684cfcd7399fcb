import { CdeskApiError, CdeskConfigError, CdeskError, CdeskInputError } from "@cdesk/client";

/** HTTP statuses every offer would get alike: the request, the token or the account is at fault. */
const HOPELESS_STATUSES = new Set([400, 401, 403, 422]);

/**
 * A failure no other offer fixes: bad input or configuration, 400, 401, 403, 422, or an error that is
 * not a `CdeskError` (a bug, or a `rank`/`onEvent` that threw). The acquisition stops at once.
 */
export function isHopeless(error: unknown): boolean {
  if (error instanceof CdeskInputError || error instanceof CdeskConfigError) return true;
  if (error instanceof CdeskApiError) return HOPELESS_STATUSES.has(error.status);
  return !(error instanceof CdeskError);
}

/** The client says the procure may have been carried out although no success came back. */
export function isOutcomeUnknown(error: unknown): boolean {
  return (error as { outcomeUnknown?: unknown } | null)?.outcomeUnknown === true;
}
