import { type CdeskClient, CdeskError, createCdeskClient } from "@cdesk/client";
import { describe, expectTypeOf, it } from "vitest";
import {
  type AcquireClient,
  AcquireError,
  type AcquireEvent,
  type OfferStatusClient,
  acquire,
  type ProcureClient,
  ProvisioningFailedError,
  type ResourceClient,
  WaitTimeoutError,
  pollOfferStatus,
  procureAndWait,
  waitForOfferReady,
  waitForResourceDeleted,
} from "../src/index.js";

// What the client's own methods resolve with (the spec's types, from @cdesk/types).
type OfferStatusResponse = Awaited<ReturnType<CdeskClient["offers"]["status"]>>;
type ProcureOfferResponse = Awaited<ReturnType<CdeskClient["offers"]["procure"]>>;
type Resource = Awaited<ReturnType<CdeskClient["resources"]["get"]>>;

const cdesk = createCdeskClient({ token: "test-token" });
const offerId = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";

describe("the public types", () => {
  it("accept a client from createCdeskClient", () => {
    expectTypeOf<CdeskClient>().toMatchTypeOf<OfferStatusClient>();
    expectTypeOf<CdeskClient>().toMatchTypeOf<ProcureClient>();
    expectTypeOf<CdeskClient>().toMatchTypeOf<ResourceClient>();
  });

  it("resolve with the spec's types", () => {
    expectTypeOf(waitForOfferReady(cdesk, offerId)).resolves.toEqualTypeOf<OfferStatusResponse>();
    expectTypeOf(waitForResourceDeleted(cdesk, offerId)).resolves.toEqualTypeOf<Resource | undefined>();
    expectTypeOf(pollOfferStatus(cdesk, offerId)).toEqualTypeOf<AsyncGenerator<OfferStatusResponse, void, undefined>>();
    const procured = procureAndWait(cdesk, { offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA" });
    expectTypeOf(procured).resolves.toEqualTypeOf<{ procurement: ProcureOfferResponse; status: OfferStatusResponse }>();
  });

  it("give onProgress the status type of the wait", () => {
    void waitForOfferReady(cdesk, offerId, {
      onProgress: ({ status, attempt, elapsedMs }) => {
        expectTypeOf(status.procurement_status).toBeString();
        expectTypeOf(attempt).toBeNumber();
        expectTypeOf(elapsedMs).toBeNumber();
      },
    });
  });

  it("make both errors CdeskErrors with typed details", () => {
    expectTypeOf<ProvisioningFailedError>().toMatchTypeOf<CdeskError>();
    expectTypeOf<ProvisioningFailedError["failureReason"]>().toBeString();
    expectTypeOf<ProvisioningFailedError["status"]>().toEqualTypeOf<OfferStatusResponse | undefined>();
    expectTypeOf<WaitTimeoutError>().toMatchTypeOf<CdeskError>();
    expectTypeOf<WaitTimeoutError["attempts"]>().toBeNumber();
  });

  it("let acquire take a CdeskClient, and resolve with the offer, the status and every attempt", () => {
    expectTypeOf<CdeskClient>().toMatchTypeOf<AcquireClient>();
    const acquired = acquire(cdesk, { query: { region: "EU" }, ssh_public_key: "ssh-ed25519 AAAA", maxPricePerHour: 30 });
    expectTypeOf(acquired).resolves.toHaveProperty("status").toEqualTypeOf<OfferStatusResponse>();
    expectTypeOf(acquired).resolves.toHaveProperty("procurement").toEqualTypeOf<ProcureOfferResponse | undefined>();
    expectTypeOf<AcquireError>().toMatchTypeOf<CdeskError>();
    expectTypeOf<AcquireError["attempts"][number]["resources"][number]["fate"]>().toEqualTypeOf<"deleted" | "deleting" | "kept">();
    expectTypeOf<Extract<AcquireEvent, { type: "skipped" }>["reason"]>().toEqualTypeOf<"over-price" | "no-price" | "expiring" | "already-tried">();
    // @ts-expect-error query and ssh_public_key are required
    void acquire(cdesk, { maxPricePerHour: 30 });
  });
});
