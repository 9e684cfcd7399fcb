import { CdeskConnectionError } from "@cdesk/client";
import { WaitTimeoutError, type WaitOptions } from "@cdesk/poller";
import { Option, type Command } from "commander";
import { interval } from "./arg-parsers.js";
import type { CommandContext } from "./context.js";
import { DeadlineExceeded, Interrupted, resumable, TimedOutError } from "./errors.js";
import { createProgress } from "./progress.js";

/** The flags every waiting command shares (the deadline is the global `--timeout`). */
export interface WaitFlags {
  /**
   * `--wait`: follow the work until it ends, showing each stage on stderr.
   * @default false
   * @example cdesk status 3f6c... --wait
   */
  wait?: boolean;
  /**
   * `--interval`: milliseconds between two status checks (at least `MIN_INTERVAL_MS`).
   * @default the poller's (15 s, the documented cadence)
   * @example cdesk status 3f6c... --wait --interval 5s
   */
  interval?: number;
}

/** Adds `--wait` and `--interval`; `until` completes "--wait: wait until ...". */
export function addWaitOptions(command: Command, until: string): Command {
  return command
    .option("-w, --wait", `wait until ${until}, showing each stage on stderr (--timeout defaults to 20m)`)
    .addOption(
      new Option("--interval <duration>", "with --wait: time between two status checks, at least 1s, e.g. 5s (default: 15s)").argParser(
        interval,
      ),
    );
}

/** How one wait is shown and resumed. */
export interface WaitPlan<S, T> {
  /** First line, e.g. "Waiting for offer X to be ready". */
  title: string;
  /** The command that picks the wait up again, or undefined while there is nothing to resume. */
  resume(): string | undefined;
  /** One status as a progress line. */
  describe(status: S): string;
  /** One status as a stage name, for "last seen: ...". */
  stage(status: S): string;
  /** The result as the closing line. */
  done(result: T): string;
  /** What goes to stdout. Built before the closing line, so an answer that cannot be shown never reads "✔". */
  output(result: T): string;
}

/**
 * Runs one poller wait with live progress on stderr, bounded by the command's deadline. Ctrl-C
 * aborts the deadline (which cancels the request in flight and the poller's timers) instead of
 * killing the process, so the user is told how to resume. `run` gets the poller's options when it
 * starts waiting.
 */
export async function waitWithProgress<S, T>(
  context: CommandContext,
  flags: WaitFlags,
  plan: WaitPlan<S, T>,
  run: (options: () => WaitOptions<S>) => Promise<T>,
): Promise<void> {
  const { runtime } = context;
  const deadline = context.deadline();
  const progress = createProgress(runtime.stderr, runtime.env, plan.title);
  let lastStage: string | undefined;
  const options = (): WaitOptions<S> => ({
    ...(flags.interval !== undefined && { intervalMs: flags.interval, maxIntervalMs: flags.interval }),
    // The poller's own deadline is the command's, so its timeout (with the last status) comes first or together.
    timeoutMs: deadline.remainingMs(),
    signal: deadline.signal,
    onProgress: ({ status, elapsedMs }) => {
      lastStage = plan.stage(status);
      progress.update(plan.describe(status), elapsedMs);
    },
  });
  try {
    const result = await run(options);
    const closing = plan.done(result);
    const output = plan.output(result);
    progress.succeed(closing);
    runtime.stdout.write(`${output}\n`);
  } catch (error) {
    progress.fail(deadline.signal.reason instanceof Interrupted ? "stopped waiting" : "wait ended");
    const timedOut = error instanceof WaitTimeoutError || (isAbort(error) && deadline.signal.reason instanceof DeadlineExceeded);
    const final = timedOut ? new TimedOutError(deadline.elapsedMs(), lastStage) : error;
    const resume = plan.resume();
    throw resume && isResumable(final) ? resumable(final, resume) : final;
  }
}

/** The work goes on server-side after these; other errors are final or need a fix first. */
function isResumable(error: unknown): boolean {
  return error instanceof TimedOutError || error instanceof CdeskConnectionError || isAbort(error);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === "AbortError";
}
