import { AuthenticationError } from "@cdesk/client";
import { describe, expect, it } from "vitest";
import { ProvisioningFailedError, pollOfferStatus, procureAndWait, waitForOfferReady } from "../../src/index.js";
import { OFFER_ID } from "../support/fixtures.js";
import { mockWithClient } from "../support/mock-client.js";

const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";
const FAST = { intervalMs: 10, timeoutMs: 20_000 };

describe("offer status stepped through the spec's examples with Prefer", () => {
  const mock = mockWithClient();

  it("waits from provisioning_started to ready, one request per stage", async () => {
    mock.preferEach("example=provisioning_started", "example=provisioning_in_progress", "example=ready");
    const stages: string[] = [];
    const status = await waitForOfferReady(mock.cdesk, OFFER_ID, {
      ...FAST,
      onProgress: ({ status }) => stages.push(status.procurement_status),
    });
    expect(status.procurement_status).toBe("ready");
    expect(status.instances[0]?.ssh_command).toBe("ssh root@203.0.113.10");
    expect(stages).toEqual(["provisioning_started", "provisioning_in_progress", "ready"]);
    expect(mock.sent).toHaveLength(3);
    expect(mock.sent.every((r) => r.method === "GET" && r.path === `/offers/${OFFER_ID}/status`)).toBe(true);
  });

  it("fails with the failure_reason when provisioning ends failed", async () => {
    mock.preferEach("example=provisioning_started", "example=provisioning_in_progress", "example=failed");
    const error = await waitForOfferReady(mock.cdesk, OFFER_ID, FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({
      failureReason: "Vendor capacity exhausted in eu-north1: no H100 available",
      status: { procurement_status: "failed", status: "failed" },
    });
    expect(mock.sent).toHaveLength(3);
  });

  it("yields every stage through async iteration", async () => {
    mock.preferEach("example=available", "example=provisioning_started", "example=ready");
    const stages: string[] = [];
    for await (const status of pollOfferStatus(mock.cdesk, OFFER_ID, FAST)) stages.push(status.procurement_status);
    expect(stages).toEqual(["available", "provisioning_started", "ready"]);
  });

  it("ends at once on a 401 with the client's AuthenticationError", async () => {
    mock.preferEach("example=provisioning_started", "code=401");
    const error = await waitForOfferReady(mock.cdesk, OFFER_ID, FAST).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(mock.sent).toHaveLength(2);
  });

  it("procureAndWait fails at once when the procure answer says failed", async () => {
    mock.preferEach("example=failed");
    const error = await procureAndWait(mock.cdesk, { offer_id: OFFER_ID, ssh_public_key: SSH_KEY }, FAST).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProvisioningFailedError);
    expect(error).toMatchObject({ failureReason: "Vendor rejected the request: quota exceeded for H100 in eu-north1" });
    expect(mock.sent.map((r) => r.method)).toEqual(["POST"]);
  });
});
