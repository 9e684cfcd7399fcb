import { CdeskError } from "@cdesk/client";

/** What the process exits with; scripts branch on these. `EXIT_CODES` below documents each. */
export const ExitCode = {
  ok: 0,
  failed: 1,
  usage: 2,
  provisioningFailed: 3,
  timedOut: 4,
  auth: 5,
  noOffer: 6,
  interrupted: 130,
} as const;

/** The exit code table, as `--help` and the README show it. */
export const EXIT_CODES: [code: number, meaning: string][] = [
  [ExitCode.ok, "ok"],
  [ExitCode.failed, "the API answered with an error, could not be reached, or sent an answer cdesk cannot use"],
  [ExitCode.usage, "usage error: a flag, an argument or a file is wrong (nothing was sent)"],
  [ExitCode.provisioningFailed, "provisioning failed: nothing is running for that offer"],
  [ExitCode.timedOut, "timed out: --timeout passed first"],
  [ExitCode.auth, "no API token, or the API refused it (401 or 403): fix the token"],
  [ExitCode.noOffer, "no offer to procure: none matched, or all were above --max-price (cdesk up; nothing was bought)"],
  [ExitCode.interrupted, "interrupted (Ctrl-C)"],
];

/** The command line was wrong (a flag, a file): nothing was sent. */
export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * An error with advice of the command's own: it `replace`s the usual hint (e.g. naming the real
 * offer id), or is `append`ed to it (how to resume a wait).
 */
export class HintedError extends Error {
  override name = "HintedError";
  constructor(
    override readonly cause: unknown,
    readonly hint: string,
    readonly placement: "replace" | "append" = "replace",
  ) {
    super("see cause", { cause });
  }
}

/** A wait ended early although the work goes on server-side: `command` picks it up again. */
export function resumable(cause: unknown, command: string): HintedError {
  return new HintedError(cause, `Resume with: ${command}`, "append");
}

/** `cdesk up` found nothing it may procure: nothing was bought. */
export class NoOfferError extends Error {
  override name = "NoOfferError";
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** The command's deadline (`--timeout`, or the command's default) passed first. */
export class TimedOutError extends Error {
  override name = "TimedOutError";
  constructor(
    readonly elapsedMs: number,
    /** The last stage a wait saw, as a phrase; undefined when none was seen. */
    readonly lastStage?: string,
  ) {
    super("timed out");
  }
}

/** Why the command's signal fired: the deadline. */
export class DeadlineExceeded extends Error {
  override name = "DeadlineExceeded";
  constructor(readonly timeoutMs: number) {
    super(`--timeout ${timeoutMs} ms passed`);
  }
}

/** Why the command's signal fired: Ctrl-C. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor() {
    super("interrupted");
  }
}

/**
 * Node's fetch refuses some ports outright ("bad port", https://fetch.spec.whatwg.org/#port-blocking).
 * A `CdeskError`, so the client passes it on at once instead of retrying what can never work.
 */
export class BlockedPortError extends CdeskError {
  override name = "BlockedPortError";
  constructor(readonly url: string) {
    super(`fetch refuses to connect to port ${new URL(url).port} of ${new URL(url).host} (a blocked port)`);
  }
}
