/**
 * Inputs that used to slip through, crash the process or be reported as a network failure: each is
 * a `CdeskInputError` (or `CdeskConfigError`) at once, naming the field, with nothing sent, no timer
 * left and never a secret in the message.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { CdeskConfigError, CdeskInputError, createCdeskClient, type CdeskClient } from "./index.js";
import { fakeClient, OFFER_ID, TOKEN, valid } from "../test/support/fake-api.js";

type Loose = never;
const KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";
const procure = (extra: object) => ({ offer_id: OFFER_ID, ssh_public_key: KEY, ...extra });

afterEach(() => void vi.useRealTimers());

function circular() {
  const q: Record<string, unknown> = { region: "EU" };
  q.extra = q;
  return q;
}

function nested(depth: number) {
  let value: Record<string, unknown> = {};
  const root = value;
  for (let i = 0; i < depth; i++) value = value.next = {};
  return root;
}

const REFUSED: [string, (c: CdeskClient) => Promise<unknown>, string, string][] = [
  ["a signal that is a plain object", (c) => c.catalog.gpus({ signal: {} as AbortSignal }), "signal", "abort-signal"],
  ["a signal that is the AbortController", (c) => c.catalog.gpus({ signal: new AbortController() as unknown as AbortSignal }), "signal", "abort-signal"],
  ["a circular query", (c) => c.offers.search(circular() as Loose), "extra.extra", "circular"],
  ["a query nested 20,000 deep", (c) => c.offers.search({ extra: nested(20_000) } as Loose), "extra" + ".next".repeat(64), "depth"],
  ["a circular procure body", (c) => c.offers.procure(procure({ meta: circular() }) as Loose), "meta.extra", "circular"],
  ["a bigint in a procure body", (c) => c.offers.procure(procure({ budget: 10n }) as Loose), "budget", "type"],
  ["a symbol in a procure body", (c) => c.offers.procure(procure({ tag: Symbol("x") }) as Loose), "tag", "type"],
  ["a function in a procure body", (c) => c.offers.procure(procure({ hook: () => 1 }) as Loose), "hook", "type"],
  ["a procure body that is a string", (c) => c.offers.procure("offer_id: x" as Loose), "body", "type"],
  ["a resource list filter that is an array", (c) => c.resources.list([OFFER_ID] as Loose), "query", "type"],
  ["a header value with CR/LF", (c) => c.catalog.gpus({ headers: { "x-trace": "a\r\nx-evil: 1" } }), "headers", "range"],
  ["a header value outside Latin-1", (c) => c.catalog.gpus({ headers: { "x-user": "Zoë 🚀" } }), "headers", "range"],
  ["a header name with a space", (c) => c.catalog.gpus({ headers: { "x bad": "1" } }), "headers", "range"],
  ["an ssh key that is only whitespace", (c) => c.offers.procure(procure({ ssh_public_key: "   " })), "ssh_public_key", "blank"],
  ["an ssh key holding NUL", (c) => c.offers.procure(procure({ ssh_public_key: `${KEY}\u0000` })), "ssh_public_key", "one-line"],
  ["an ssh key holding U+2028", (c) => c.offers.procure(procure({ ssh_public_key: `${KEY}\u2028x` })), "ssh_public_key", "one-line"],
  ["an ssh key with an interior line break", (c) => c.offers.procure(procure({ ssh_public_key: `${KEY}\n${KEY}\n` })), "ssh_public_key", "pattern"],
];

describe("refused at once, nothing sent, no timer left", () => {
  it.each(REFUSED)("%s", async (_, call, field, rule) => {
    vi.useFakeTimers();
    const { client, fetch } = fakeClient([valid]);
    const error = await call(client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskInputError);
    expect(error).toMatchObject({ field, rule });
    expect(fetch).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("an ssh key read from a .pub file", () => {
  it.each([
    ["a trailing LF", `${KEY}\n`],
    ["a trailing CRLF", `${KEY}\r\n`],
  ])("is accepted with %s and sent without it", async (_, key) => {
    const { client, requests } = fakeClient([valid]);
    await client.offers.procure(procure({ ssh_public_key: key }));
    expect(JSON.parse(requests[0]!.body)).toEqual(procure({}));
  });
});

describe("client options that could not work are refused at construction, without the secret", () => {
  it.each([
    ["a token outside Latin-1", { token: "tökén…" }, "token"],
    ["a client header with a line break", { token: TOKEN, headers: { "x-team": "a\nb" } }, "headers"],
    ["a base URL with credentials", { token: TOKEN, baseUrl: "https://user:hunter2@api.example.com" }, "baseUrl"],
    ["a base URL with a query string", { token: TOKEN, baseUrl: "https://api.example.com/?key=hunter2" }, "baseUrl"],
    ["an unparseable base URL with a password", { token: TOKEN, baseUrl: "https//user:hunter2@api" }, "baseUrl"],
  ])("%s", (_, options, option) => {
    const error = (() => {
      try {
        createCdeskClient(options);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CdeskConfigError);
    expect(error).toMatchObject({ option });
    expect(String(error)).not.toContain("hunter2");
  });
});
