import type { createCdeskClient } from "@cdesk/client";
import type { Command } from "commander";
import { clientOptions, type ClientFlags, type RequestTrail } from "./client-options.js";
import { resolveConnection, type ConnectionFlags } from "./config.js";
import { startDeadline, type Deadline } from "./deadline.js";
import { Interrupted } from "./errors.js";
import { terminalSafe, terminalSafeJson } from "./format/terminal-safe.js";
import type { Runtime } from "./runtime.js";

export type CdeskClient = ReturnType<typeof createCdeskClient>;
export type ClientFactory = typeof createCdeskClient;
/** The answer of `GET /offers/{offer_id}/status`. */
export type OfferStatus = Awaited<ReturnType<CdeskClient["offers"]["status"]>>;
/** A resource, as `GET /resources/{resource_id}` returns it. */
export type Resource = Awaited<ReturnType<CdeskClient["resources"]["get"]>>;

/** The global flags, readable from any command. */
export interface GlobalFlags extends ConnectionFlags, ClientFlags {
  /**
   * `--json`: the API's JSON on stdout instead of tables; hints are left out.
   * @default false
   * @example cdesk offers --gpu H100 --json | jq '.offers[0].offer_id'
   */
  json?: boolean;
  /**
   * `--timeout`: the command's deadline in milliseconds, bounding all its requests.
   * @default DEFAULT_TIMEOUT_MS (2 minutes), DEFAULT_WAIT_TIMEOUT_MS (20) for procure and --wait
   * @example cdesk status 3f6c... --wait --timeout 10m
   */
  timeout?: number;
}

/** `--timeout` when not given: one request (with its retries) gets 2 minutes, a wait 20. */
export const DEFAULT_TIMEOUT_MS = 2 * 60_000;
export const DEFAULT_WAIT_TIMEOUT_MS = 20 * 60_000;

/** What every command needs: the outside world, a client, a deadline, and the two output channels. */
export interface CommandContext {
  runtime: Runtime;
  /** The global flags as given. */
  globals(): GlobalFlags;
  /** Built on first use, so `--help` and usage errors never need a token. */
  client(): Promise<CdeskClient>;
  /**
   * The command's deadline, started just before its action runs. Once asked for (by a command
   * that talks to the API), Ctrl-C aborts it too: the request in flight is cancelled and the
   * command says what that means (e.g. a procure that may have gone through).
   */
  deadline(): Deadline;
  /** The last option of every client call: the deadline's signal, so no request outlives the command. */
  call(): { signal: AbortSignal };
  /** What the requests went to, for error messages. */
  trail: RequestTrail;
  /** The result as it will be printed: `--json` as the API returned it, otherwise `render()`'s text, made safe. */
  format(data: unknown, render: () => string): string;
  /** Writes `format(data, render)` to stdout. */
  print(data: unknown, render: () => string): void;
  /** Like `print`, but an empty list shows `empty` on stderr instead of a bare table header. */
  printList(data: unknown, items: readonly unknown[], render: () => string, empty: string): void;
  /** A hint for people, on stderr; never mixed into the data. Silent with `--json`. */
  note(text: string): void;
  /** Stops the deadline's timer and stops listening for Ctrl-C. */
  close(): void;
}

const defaultTimeouts = new WeakMap<Command, number>();

/** Gives `command` another `--timeout` default than `DEFAULT_TIMEOUT_MS` (a `--wait` always gets the wait's). */
export function setDefaultTimeout(command: Command, ms: number): Command {
  defaultTimeouts.set(command, ms);
  return command;
}

export function createContext(
  runtime: Runtime,
  globals: () => GlobalFlags,
  makeClient: ClientFactory,
): CommandContext & { begin(command: Command): void } {
  let client: CdeskClient | undefined;
  let deadline: Deadline | undefined;
  let stopListening: (() => void) | undefined;
  const trail: RequestTrail = {};
  const context = {
    runtime,
    globals,
    trail,
    begin(command: Command) {
      const waits = Boolean(command.opts<{ wait?: boolean }>().wait);
      const fallback = waits ? DEFAULT_WAIT_TIMEOUT_MS : (defaultTimeouts.get(command) ?? DEFAULT_TIMEOUT_MS);
      deadline = startDeadline(globals().timeout ?? fallback);
    },
    deadline() {
      const current = (deadline ??= startDeadline(globals().timeout ?? DEFAULT_TIMEOUT_MS));
      // Only commands that send requests listen: a prompt or a script printer keeps Ctrl-C's usual meaning.
      stopListening ??= runtime.onInterrupt(() => current.abort(new Interrupted()));
      return current;
    },
    call() {
      return { signal: context.deadline().signal };
    },
    async client() {
      if (!client) {
        const { connection } = await resolveConnection(globals(), runtime);
        client = makeClient(clientOptions(connection, globals(), runtime, trail));
      }
      return client;
    },
    format(data: unknown, render: () => string) {
      return globals().json ? terminalSafeJson(data) : terminalSafe(render());
    },
    print(data: unknown, render: () => string) {
      runtime.stdout.write(`${context.format(data, render)}\n`);
    },
    printList(data: unknown, items: readonly unknown[], render: () => string, empty: string) {
      if (items.length === 0 && !globals().json) context.note(empty);
      else context.print(data, render);
    },
    note(text: string) {
      if (!globals().json) runtime.stderr.write(`${terminalSafe(text)}\n`);
    },
    close() {
      deadline?.clear();
      stopListening?.();
    },
  };
  return context;
}
