import { CdeskConnectionError } from "@cdesk/client";
import { WaitTimeoutError, type WaitOptions } from "@cdesk/poller";
import { Option, type Command } from "commander";
import { duration } from "./arg-parsers.js";
import { ResumableError } from "./errors.js";
import { createProgress } from "./progress.js";
import type { Runtime } from "./runtime.js";

/** The flags every waiting command shares. */
export interface WaitFlags {
  wait?: boolean;
  interval?: number;
  timeout?: number;
}

/** Adds `--wait`, `--interval` and `--timeout`; `until` completes "--wait: wait until ...". */
export function addWaitOptions(command: Command, until: string): Command {
  return command
    .option("-w, --wait", `wait until ${until}, showing each stage on stderr`)
    .addOption(
      new Option("--interval <duration>", "with --wait: time between two status checks, e.g. 5s (default: 15s)").argParser(
        duration,
      ),
    )
    .addOption(
      new Option("--timeout <duration>", "with --wait: give up after this long (exit code 4), e.g. 10m (default: 20m)").argParser(
        duration,
      ),
    );
}

/** How one wait is shown and resumed. */
export interface WaitPlan<S, T> {
  /** First line, e.g. "Waiting for offer X to be ready". */
  title: string;
  /** The command that picks the wait up again after Ctrl-C or a timeout. */
  resume: string;
  /** One status as a progress line. */
  describe(status: S): string;
  /** The result as the closing line. */
  done(result: T): string;
}

/**
 * Runs one poller wait with live progress on stderr. Ctrl-C aborts the poller (which cancels the
 * request in flight and its timers) instead of killing the process, so the user is told how to resume.
 */
export async function waitWithProgress<S, T>(
  runtime: Runtime,
  flags: WaitFlags,
  plan: WaitPlan<S, T>,
  run: (options: WaitOptions<S>) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const stopListening = runtime.onInterrupt(() => controller.abort());
  const progress = createProgress(runtime.stderr, runtime.env, plan.title);
  try {
    const result = await run({
      ...(flags.interval !== undefined && { intervalMs: flags.interval, maxIntervalMs: flags.interval }),
      ...(flags.timeout !== undefined && { timeoutMs: flags.timeout }),
      signal: controller.signal,
      onProgress: ({ status, elapsedMs }) => progress.update(plan.describe(status), elapsedMs),
    });
    progress.succeed(plan.done(result));
    return result;
  } catch (error) {
    progress.fail(controller.signal.aborted ? "stopped waiting" : "wait ended");
    throw isResumable(error) ? new ResumableError(error, plan.resume) : error;
  } finally {
    stopListening();
  }
}

/** The work goes on server-side after these; other errors are final or need a fix first. */
function isResumable(error: unknown): boolean {
  return (
    error instanceof WaitTimeoutError ||
    error instanceof CdeskConnectionError ||
    (error instanceof Error && error.name === "AbortError")
  );
}
