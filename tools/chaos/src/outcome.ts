/** What a lifecycle ended with, as one short label for the summary. */
import { CdeskError } from "@cdesk/client";

export const SUCCESS = "success";
/** Prefix of an outcome that is not a `CdeskError`: always a bug, in the SDK or the suite. */
export const UNTYPED = "untyped:";

/** `success`, the error's name with the operation that failed (`CdeskTimeoutError(GET /resources)`), or `untyped:...`. */
export function outcomeOf(error: unknown): string {
  if (error instanceof CdeskError) {
    const { method, path } = error as { method?: unknown; path?: unknown };
    return typeof method === "string" && typeof path === "string" ? `${error.name}(${method} ${path})` : error.name;
  }
  return `${UNTYPED}${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
}
