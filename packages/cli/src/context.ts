import type { createCdeskClient } from "@cdesk/client";
import { resolveConnection, type ConnectionFlags } from "./config.js";
import type { Runtime } from "./runtime.js";

export type CdeskClient = ReturnType<typeof createCdeskClient>;
export type ClientFactory = typeof createCdeskClient;
/** The answer of `GET /offers/{offer_id}/status`. */
export type OfferStatus = Awaited<ReturnType<CdeskClient["offers"]["status"]>>;
/** A resource, as `GET /resources/{resource_id}` returns it. */
export type Resource = Awaited<ReturnType<CdeskClient["resources"]["get"]>>;

/** The global flags, readable from any command. */
export interface GlobalFlags extends ConnectionFlags {
  json?: boolean;
}

/** What every command needs: the outside world, a client, and the two output channels. */
export interface CommandContext {
  runtime: Runtime;
  /** Built on first use, so `--help` and usage errors never need a token. */
  client(): Promise<CdeskClient>;
  /** Writes the result to stdout: `--json` as the API returned it, otherwise `render()`'s table. */
  print(data: unknown, render: () => string): void;
  /** Like `print`, but an empty list shows `empty` on stderr instead of a bare table header. */
  printList(data: unknown, items: readonly unknown[], render: () => string, empty: string): void;
  /** A hint for people, on stderr; never mixed into the data. Silent with `--json`. */
  note(text: string): void;
}

export function createContext(runtime: Runtime, globals: () => GlobalFlags, makeClient: ClientFactory): CommandContext {
  let client: CdeskClient | undefined;
  return {
    runtime,
    async client() {
      client ??= makeClient(await resolveConnection(globals(), runtime));
      return client;
    },
    print(data, render) {
      runtime.stdout.write(`${globals().json ? JSON.stringify(data, null, 2) : render()}\n`);
    },
    printList(data, items, render, empty) {
      if (items.length === 0 && !globals().json) this.note(empty);
      else this.print(data, render);
    },
    note(text) {
      if (!globals().json) runtime.stderr.write(`${text}\n`);
    },
  };
}
