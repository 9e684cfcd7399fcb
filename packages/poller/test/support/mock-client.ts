/// <reference types="node" />
import { type CdeskClient, createCdeskClient } from "@cdesk/client";
import { type MockServer, startMockServer } from "@cdesk/mock";
import { afterAll, beforeAll, expect } from "vitest";

/** Requests the client sent, with the example each was told to answer with. */
export interface SentRequest {
  method: string;
  path: string;
  prefer: string | null;
}

/**
 * A mock for the calling suite and a real client pointed at it. Stateless: flows whose answers depend
 * on earlier requests run on `@cdesk/simulator` (`simulated.ts`).
 * `preferEach(...)` makes the next requests ask Prism for those named examples (`Prefer: example=...`),
 * one per request in order, through the client's own `fetch` option; requests beyond the script
 * keep asking for the last one.
 */
export function mockWithClient() {
  let mock: MockServer;
  let script: string[] = [];
  const sent: SentRequest[] = [];
  let cdesk: CdeskClient | undefined;

  beforeAll(async () => {
    mock = await startMockServer({ port: 0 });
    cdesk = createCdeskClient({
      token: "test-token",
      baseUrl: mock.url,
      maxRetries: 0,
      logLevel: "off",
      fetch: (url, init) => {
        const prefer = script.length > 1 ? (script.shift() as string) : script[0];
        const headers = new Headers(init.headers);
        if (prefer !== undefined) headers.set("prefer", prefer);
        sent.push({ method: init.method ?? "GET", path: new URL(url).pathname, prefer: prefer ?? null });
        return fetch(url, { ...init, headers });
      },
    });
  });
  afterAll(async () => {
    expect(mock.violations).toEqual([]); // the poller only sent requests the spec allows
    await mock.close();
  });

  return {
    /** The client (available inside tests, once the mock runs). */
    get cdesk(): CdeskClient {
      if (!cdesk) throw new Error("the mock is not started yet: use cdesk inside a test");
      return cdesk;
    },
    sent,
    /** The next requests ask for these examples, e.g. `preferEach("example=deleting", "example=deleted")`. */
    preferEach(...prefers: string[]) {
      script = prefers;
      sent.length = 0;
    },
  };
}
