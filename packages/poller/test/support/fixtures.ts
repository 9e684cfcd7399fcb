/** Offer statuses and resources shaped like the spec's named examples (openapi/supply-api.yaml). */
import { CdeskApiError, createCdeskClient } from "@cdesk/client";
import type { OfferStatus, Resource } from "../../src/client.js";

export const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";

export function offerStatus(procurement_status: string, extra: Partial<OfferStatus> = {}): OfferStatus {
  return {
    offer_id: OFFER_ID,
    status: procurement_status === "failed" ? "failed" : "procured",
    procurement_status,
    instances: [],
    failure_reason: null,
    progress: null,
    ...extra,
  };
}

export const PROVISIONING_STARTED = offerStatus("provisioning_started");
export const PROVISIONING_IN_PROGRESS = offerStatus("provisioning_in_progress", {
  instances: [{ external_ip: null, ssh_command: null, status: "booting" }],
});
export const READY = offerStatus("ready", {
  instances: [{ external_ip: "203.0.113.10", ssh_command: "ssh root@203.0.113.10", status: "running" }],
});
export const FAILED = offerStatus("failed", {
  failure_reason: "Vendor capacity exhausted in eu-north1: no H100 available",
});

export const resource = (status: string | null): Resource => ({
  resource_id: RESOURCE_ID,
  resource_type: "vm",
  vendor: "nebius",
  status,
});

/** The typed error the real client throws when the API answers `status` (with these headers). */
export async function apiError(status: number, headers: Record<string, string> = {}): Promise<CdeskApiError> {
  const answering = createCdeskClient({
    token: "test-token",
    baseUrl: "https://supply-api.test",
    maxRetries: 0,
    logLevel: "off",
    fetch: async () =>
      new Response(JSON.stringify({ detail: `answered ${status}` }), {
        status,
        headers: { "content-type": "application/json", ...headers },
      }),
  });
  const error: unknown = await answering.offers.status(OFFER_ID).catch((e: unknown) => e);
  if (!(error instanceof CdeskApiError)) throw new Error(`expected the client to throw for ${status}, got ${String(error)}`);
  return error;
}
