import { CdeskAbortError } from "@cdesk/client";

/** The error a wait rejects with when its signal fires; `cause` is the signal's reason. */
export function abortErrorFrom(signal: AbortSignal): CdeskAbortError {
  return new CdeskAbortError("The wait was aborted", { cause: signal.reason });
}
