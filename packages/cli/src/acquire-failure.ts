import { WaitTimeoutError, type AcquireError } from "@cdesk/poller";
import type { CommandContext } from "./context.js";
import { ExitCode, HintedError, NoOfferError } from "./errors.js";
import { explainError } from "./explain.js";
import { attemptsJson, describeAttempt, errorJson, leftRunning } from "./format/acquire.js";
import { terminalSafeJson, terminalSafeLine } from "./format/terminal-safe.js";
import { formatDuration } from "./format/time.js";

/** How the acquisition ended, as `cdesk up` saw it. */
export interface AcquireEnding {
  /** An error in the CLI's words, for the attempt lines. */
  reason(error: unknown): string;
  /** The last search's summary, for "nothing to procure". */
  lastSearch: string | undefined;
  /** What ended it, as the user should hear it: acquire's `cause`, or the connection error behind it. */
  cause: unknown;
}

/**
 * Nothing was acquired: one line per attempt on stderr (every resource and its fate), the attempts
 * as JSON on stdout with `--json`, and the error `run` prints last, with the exit code of its cause.
 */
export function acquireFailure(context: CommandContext, error: AcquireError, { reason, lastSearch, cause }: AcquireEnding): Error {
  const { runtime } = context;
  error.attempts.forEach((attempt, i) => runtime.stderr.write(`${terminalSafeLine(describeAttempt(attempt, i + 1, reason))}\n`));
  const inner = explainError(cause, { ...(context.trail.lastUrl && { url: context.trail.lastUrl }) });
  if (context.globals().json) {
    const json = { error: { name: error.name, message: error.message }, cause: errorJson(cause), reason: inner.message, attempts: attemptsJson(error.attempts) };
    runtime.stdout.write(`${terminalSafeJson(json)}\n`);
  }
  if (cause === undefined) {
    return new NoOfferError(
      `Nothing to procure${lastSearch ? `: ${lastSearch[0]!.toLowerCase()}${lastSearch.slice(1)}` : ""}.`,
      "Raise --max-price, or widen the search (--region, --vendor, --contract, --count); `cdesk offers --gpu <type>` shows prices.",
    );
  }
  const unknown = error.attempts.filter((attempt) => attempt.outcome === "outcome-unknown").map((attempt) => attempt.offer.offer_id);
  const running = leftRunning(error.attempts).filter((entry) => !unknown.includes(entry.offerId));
  const hints = [
    ...unknown.map((id) => `Offer ${id} may have been bought: check with \`cdesk status ${id}\` before procuring again, or release it with \`cdesk down ${id} --wait\`.`),
    ...running.map(({ offerId, resourceIds }) => `Still billed: ${resourceIds.join(", ")}: release with \`cdesk down ${offerId} --wait\`.`),
  ];
  if (hints.length === 0 && error.attempts.length > 0) hints.push("Nothing is left running: every resource it created is deleted.");
  // The deadline passed while the API could not be reached: the connection error is the news, the time spent is context.
  if (cause !== error.cause && error.cause instanceof WaitTimeoutError) hints.push(`It kept trying for ${formatDuration(error.cause.elapsedMs)} (--timeout).`);
  // The cause's own hint stays when it names a fix (the token, the address); the attempts' replace the rest.
  const keepInner = unknown.length === 0 && (inner.exitCode === ExitCode.auth || inner.exitCode === ExitCode.failed);
  return new HintedError(cause, hints.join(" "), keepInner ? "append" : "replace");
}
