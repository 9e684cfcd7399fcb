import { readFile } from "node:fs/promises";
import { homedir } from "node:os";

/** A stream the CLI writes to; `isTTY` decides between a spinner and plain lines. */
export interface OutputStream {
  write(text: string): unknown;
  isTTY?: boolean;
  /** Terminal width; some pseudo-terminals report 0. */
  columns?: number;
}

/** Standard input: piped text is read whole, a terminal is prompted. */
export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean };

/**
 * Everything the commands take from the outside world, so tests can run the whole program
 * in-process with fake streams, a fixed clock and a scripted client.
 */
export interface Runtime {
  /** Data only: tables or JSON. */
  stdout: OutputStream;
  /** Progress, hints and errors. */
  stderr: OutputStream;
  stdin: InputStream;
  env: Record<string, string | undefined>;
  /** Where the config directory is depends on these. */
  platform: NodeJS.Platform;
  homedir(): string;
  now(): Date;
  readFile(path: string): Promise<string>;
  /** Calls `handler` on Ctrl-C until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

/** The real process. */
export function processRuntime(): Runtime {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    platform: process.platform,
    homedir,
    now: () => new Date(),
    readFile: (path) => readFile(path, "utf8"),
    onInterrupt(handler) {
      process.on("SIGINT", handler);
      return () => process.off("SIGINT", handler);
    },
  };
}
