import ora from "ora";
import pc from "picocolors";
import { terminalSafeLine } from "./format/terminal-safe.js";
import { formatDuration } from "./format/time.js";
import type { OutputStream } from "./runtime.js";

/** Live feedback while waiting. Always on stderr, so stdout keeps only the result. */
export interface Progress {
  /** The current stage, and how long the wait has lasted (from the poller's clock). */
  update(text: string, elapsedMs: number): void;
  succeed(text: string): void;
  fail(text: string): void;
}

/** Whether to colour: only on a terminal, and never when `NO_COLOR` is set (https://no-color.org). */
export function useColor(stream: OutputStream, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

/**
 * A spinner on a terminal; elsewhere (CI, pipes, files) one plain line per change of stage.
 * A terminal that reports no width gets plain lines too: the spinner cannot redraw in it.
 */
export function createProgress(stream: OutputStream, env: Record<string, string | undefined>, title: string): Progress {
  const interactive = Boolean(stream.isTTY) && (stream.columns ?? 0) > 0;
  const progress = interactive ? spinnerProgress(stream, useColor(stream, env), terminalSafeLine(title)) : lineProgress(stream, terminalSafeLine(title));
  // Stage texts come from the server: one line each, nothing the terminal would obey.
  return {
    update: (text, elapsedMs) => progress.update(terminalSafeLine(text), elapsedMs),
    succeed: (text) => progress.succeed(terminalSafeLine(text)),
    fail: (text) => progress.fail(terminalSafeLine(text)),
  };
}

/** `[12s] provisioning in progress: 0/1 instances running`, only when the text changes. */
export function lineProgress(stream: OutputStream, title: string): Progress {
  let last = "";
  stream.write(`${title}\n`);
  return {
    update(text, elapsedMs) {
      if (text === last) return;
      last = text;
      stream.write(`[${formatDuration(elapsedMs)}] ${text}\n`);
    },
    succeed: (text) => stream.write(`✔ ${text}\n`),
    fail: (text) => stream.write(`✖ ${text}\n`),
  };
}

function spinnerProgress(stream: OutputStream, color: boolean, title: string): Progress {
  const colors = pc.createColors(color);
  const startedAt = Date.now();
  let stage = title;
  const spinner = ora({
    stream: stream as NodeJS.WriteStream,
    isEnabled: true,
    // Raw stdin would swallow Ctrl-C as a key press; keep it a signal so the wait can be aborted.
    discardStdin: false,
    color: color ? "cyan" : false,
  }).start();
  const render = () => {
    spinner.text = `${stage} ${colors.dim(formatDuration(Date.now() - startedAt))}`;
  };
  render();
  // The elapsed time keeps counting between two status requests.
  const ticker = setInterval(render, 1000);
  ticker.unref();
  const finish = (symbol: string, text: string) => {
    clearInterval(ticker);
    spinner.stopAndPersist({ symbol, text: `${text} ${colors.dim(`after ${formatDuration(Date.now() - startedAt)}`)}` });
  };
  return {
    update(text) {
      stage = text;
      render();
    },
    succeed: (text) => finish(colors.green("✔"), text),
    fail: (text) => finish(colors.red("✖"), text),
  };
}
