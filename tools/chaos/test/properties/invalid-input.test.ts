import { CdeskInputError } from "@cdesk/client";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientWithSpyFetch } from "./spy-fetch.js";
import { validQuery, type OffersQuery } from "./arbitraries.js";

const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects with a `CdeskInputError` naming `field`, and sent nothing; any other outcome fails. */
async function expectRejectedBeforeSending(call: (cdesk: ReturnType<typeof clientWithSpyFetch>["cdesk"]) => Promise<unknown>, field?: string) {
  const { cdesk, requests } = clientWithSpyFetch();
  const error = await call(cdesk).then(
    () => new Error("resolved instead of rejecting"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CdeskInputError);
  if (field !== undefined) expect((error as CdeskInputError).field).toBe(field);
  expect(requests).toEqual([]);
}

/** One documented rule broken in an otherwise valid query: the field's path and a value breaking it. */
const brokenField: fc.Arbitrary<{ field: string; apply: (query: OffersQuery) => unknown }> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, Number.NaN, "1").map((bad) => ({
    field: "compute.gpu_count",
    apply: (q: OffersQuery) => ({ ...q, compute: { gpu_type: "H100", ...q.compute, gpu_count: bad } }),
  })),
  fc.constantFrom(0, -0.5, Number.NaN, Number.POSITIVE_INFINITY, "5").map((bad) => ({
    field: "compute.max_price_per_gpu_hour",
    apply: (q: OffersQuery) => ({ ...q, compute: { gpu_type: "H100", ...q.compute, max_price_per_gpu_hour: bad } }),
  })),
  fc.constantFrom("", 7, null).map((bad) => ({
    field: "compute.gpu_type",
    apply: (q: OffersQuery) => ({ ...q, compute: { ...q.compute, gpu_type: bad } }),
  })),
  fc.constantFrom(0, 2.5, -3).map((bad) => ({ field: "max_procure_time_seconds", apply: (q: OffersQuery) => ({ ...q, max_procure_time_seconds: bad }) })),
  fc.constantFrom("", 42, false).map((bad) => ({ field: "vendor", apply: (q: OffersQuery) => ({ ...q, vendor: bad }) })),
  fc.constantFrom("500", "GB", "5 XB", "1.TB", " 5GB").map((bad) => ({
    field: "storage[0].size",
    apply: (q: OffersQuery) => ({ ...q, storage: [{ type: "block_disk", size: bad }] }),
  })),
  fc.constant({ field: "storage[0].type", apply: (q: OffersQuery) => ({ ...q, storage: [{ size: "500GB" }] }) }),
  fc.constantFrom("true", 1).map((bad) => ({
    field: "network.supports_cilium",
    apply: (q: OffersQuery) => ({ ...q, network: { supports_cilium: bad } }),
  })),
);

describe("invalid input is a CdeskInputError naming the field, and nothing is sent", () => {
  it("for a query with one documented rule broken", async () => {
    await fc.assert(
      fc.asyncProperty(validQuery, brokenField, async (query, { field, apply }) => {
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.search(apply(query) as OffersQuery), field);
      }),
      { numRuns: 200 },
    );
  });

  it("for any id that is not a UUID, in every method taking one", async () => {
    const notUuid = fc.string({ unit: "binary" }).filter((s) => !UUID.test(s));
    await fc.assert(
      fc.asyncProperty(notUuid, async (id) => {
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.get(id), "offer_id");
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.status(id), "offer_id");
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.procure({ offer_id: id, ssh_public_key: "ssh-ed25519 AAAA" }), "offer_id");
        await expectRejectedBeforeSending((cdesk) => cdesk.resources.list({ offer_id: id }), "offer_id");
        await expectRejectedBeforeSending((cdesk) => cdesk.resources.get(id), "resource_id");
        await expectRejectedBeforeSending((cdesk) => cdesk.resources.delete(id), "resource_id");
      }),
      { numRuns: 100 },
    );
  });

  it("for an SSH key that is blank, spans lines or holds NUL or U+2028, or cloud-init that is not a script", async () => {
    // One trailing line break is what a .pub file ends with, and is accepted: the break here is interior.
    const lineBreak = fc.constantFrom("\n", "\r", "\r\n", "\u2028", "\u2029", "\u0085", "\u0000");
    const multiLineKey = fc.tuple(fc.string(), lineBreak, fc.string({ minLength: 1 })).map(([a, eol, b]) => a + eol + b);
    const blankKey = fc.stringMatching(/^[ \t]*\n?$/);
    const badCloudInit = fc.string({ unit: "binary" }).filter((s) => !/^(#cloud-config|#!\/)/.test(s));
    await fc.assert(
      fc.asyncProperty(fc.oneof(blankKey, multiLineKey), badCloudInit, async (key, cloudInit) => {
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: key }), "ssh_public_key");
        await expectRejectedBeforeSending(
          (cdesk) => cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA", cloud_init: cloudInit }),
          "cloud_init",
        );
      }),
      { numRuns: 100 },
    );
  });

  it("sends a one-line SSH key read from a .pub file without its trailing line break", async () => {
    const key = fc.stringMatching(/^[!-~][ -~]{0,80}$/);
    await fc.assert(
      fc.asyncProperty(key, fc.constantFrom("\n", "\r\n"), async (line, eol) => {
        const { cdesk, requests } = clientWithSpyFetch({ offer_id: OFFER_ID, status: "procured" });
        await cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: line + eol });
        expect(JSON.parse(requests[0]!.body)).toEqual({ offer_id: OFFER_ID, ssh_public_key: line });
      }),
      { numRuns: 100 },
    );
  });

  it("never throws anything else, whatever is passed as a query", async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), async (input) => {
        const { cdesk, requests } = clientWithSpyFetch();
        const error = await cdesk.offers.search(input as OffersQuery).then(() => undefined, (reason: unknown) => reason);
        if (error === undefined) expect(requests).toHaveLength(1);
        else {
          expect(error).toBeInstanceOf(CdeskInputError);
          expect(requests).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("arguments JSON cannot carry, or that are not the documented shape, are refused before sending", () => {
  const ANYTHING = { withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withNullPrototype: true } as const;

  it("procure with any extra field: sent exactly as JSON, or a CdeskInputError and nothing sent", async () => {
    const unsendable = fc.oneof(fc.bigInt(), fc.constant(Symbol("s")), fc.func(fc.anything()), fc.anything(ANYTHING));
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }).filter((k) => k !== "offer_id" && k !== "ssh_public_key" && k !== "__proto__"), unsendable, async (key, value) => {
        const { cdesk, requests } = clientWithSpyFetch({ offer_id: OFFER_ID, status: "procured" });
        const body = { offer_id: OFFER_ID, ssh_public_key: "ssh-ed25519 AAAA", [key]: value };
        const error = await cdesk.offers.procure(body as never).then(() => undefined, (reason: unknown) => reason);
        if (error === undefined) expect(JSON.parse(requests[0]!.body)).toEqual(JSON.parse(JSON.stringify(body)));
        else {
          expect(error).toBeInstanceOf(CdeskInputError);
          expect(requests).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("a circular or very deep argument is refused naming a field, in bounded time and stack", async () => {
    const deep = (depth: number) => {
      const root: Record<string, unknown> = {};
      let node = root;
      for (let i = 0; i < depth; i++) node = node.next = {};
      return root;
    };
    const circular = () => {
      const q: Record<string, unknown> = {};
      q.self = q;
      return q;
    };
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 65, max: 50_000 }).map(deep), fc.constant(null).map(circular)), async (extra) => {
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.search({ extra } as never));
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.procure({ offer_id: OFFER_ID, ssh_public_key: "k", extra } as never));
      }),
      { numRuns: 30 },
    );
  });

  it("anything but a plain object where one is due: procure's body, the resource list's filter", async () => {
    const notAnObject = fc.oneof(fc.string(), fc.array(fc.uuid()), fc.integer(), fc.boolean());
    await fc.assert(
      fc.asyncProperty(notAnObject, async (value) => {
        await expectRejectedBeforeSending((cdesk) => cdesk.offers.procure(value as never));
        await expectRejectedBeforeSending((cdesk) => cdesk.resources.list(value as never));
      }),
      { numRuns: 100 },
    );
  });
});
