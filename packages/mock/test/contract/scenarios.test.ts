import { randomUUID } from "node:crypto";
import { createCdeskClient, type CdeskClient } from "@cdesk/client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { scenarioNames, startMockServer, type MockServer, type ScenarioName } from "../../src/index.js";
import { OFFER_ID, RESOURCE_ID } from "../support/api.js";

const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";

/** One mock per scenario for the whole file; each test uses its own ids, which progress separately. */
function withScenario(scenario: ScenarioName): (() => CdeskClient) & { url(): string } {
  let mock: MockServer;
  let client: CdeskClient;
  beforeAll(async () => {
    mock = await startMockServer({ scenario });
    client = createCdeskClient({ baseUrl: mock.url, token: "contract-test-token", maxRetries: 0 });
  });
  afterAll(() => mock.close());
  return Object.assign(() => client, { url: () => mock.url });
}

async function statuses(client: CdeskClient, offerId: string, times: number): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < times; i++) seen.push((await client.offers.status(offerId)).procurement_status);
  return seen;
}

async function resourceStatuses(client: CdeskClient, resourceId: string, times: number): Promise<(string | null | undefined)[]> {
  const seen: (string | null | undefined)[] = [];
  for (let i = 0; i < times; i++) seen.push((await client.resources.get(resourceId)).status);
  return seen;
}

test("the shipped scenarios", () => {
  expect(scenarioNames).toEqual(["provisioning", "provisioning-fails", "deletion", "lifecycle"]);
});

describe("provisioning", () => {
  const client = withScenario("provisioning");

  test("procure is accepted, then the status goes through the stages and stays ready", async () => {
    const procured = await client().offers.procure({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY });
    expect(procured.status).toBe("provisioning_in_progress");
    expect(await statuses(client(), OFFER_ID, 5)).toEqual([
      "provisioning_started",
      "provisioning_in_progress",
      "ready",
      "ready",
      "ready",
    ]);
    const ready = await client().offers.status(OFFER_ID);
    expect(ready.instances[0]?.ssh_command).toBe("ssh root@203.0.113.10");
  });

  test("each offer id has its own progress", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    expect(await statuses(client(), a, 2)).toEqual(["provisioning_started", "provisioning_in_progress"]);
    expect(await statuses(client(), b, 1)).toEqual(["provisioning_started"]);
    expect(await statuses(client(), a, 1)).toEqual(["ready"]);
  });

  test("a request with its own Prefer header keeps it and does not advance the scenario", async () => {
    const id = randomUUID();
    const asked = await client().offers.status(id, { headers: { prefer: "example=failed" } });
    expect(asked.procurement_status).toBe("failed");
    expect(await statuses(client(), id, 1)).toEqual(["provisioning_started"]);
  });

  test("a failed request (no token) does not advance the scenario", async () => {
    const id = randomUUID();
    const anonymous = await fetch(`${client.url()}/offers/${id}/status`);
    expect(anonymous.status).toBe(401);
    expect(await statuses(client(), id, 1)).toEqual(["provisioning_started"]);
  });
});

describe("provisioning-fails", () => {
  const client = withScenario("provisioning-fails");

  test("the status ends, and stays, failed with a reason", async () => {
    expect(await statuses(client(), OFFER_ID, 4)).toEqual(["provisioning_started", "provisioning_in_progress", "failed", "failed"]);
    expect((await client().offers.status(OFFER_ID)).failure_reason).toMatch(/capacity exhausted/);
  });
});

describe("deletion", () => {
  const client = withScenario("deletion");

  test("a resource runs until deleted, then reads deleting, then stays deleted", async () => {
    expect(await resourceStatuses(client(), RESOURCE_ID, 2)).toEqual(["running", "running"]);
    expect((await client().resources.delete(RESOURCE_ID)).status).toBe("deleting");
    expect(await resourceStatuses(client(), RESOURCE_ID, 3)).toEqual(["deleting", "deleted", "deleted"]);
  });

  test("deleting one resource does not change another", async () => {
    const [deleted, kept] = [randomUUID(), randomUUID()];
    await client().resources.delete(deleted);
    expect(await resourceStatuses(client(), kept, 1)).toEqual(["running"]);
    expect(await resourceStatuses(client(), deleted, 1)).toEqual(["deleting"]);
  });
});

describe("lifecycle", () => {
  const client = withScenario("lifecycle");

  test("procure, poll until ready, use, delete, poll until deleted", async () => {
    const procured = await client().offers.procure({ offer_id: OFFER_ID, ssh_public_key: SSH_KEY });
    expect(procured.resource_ids).toEqual([RESOURCE_ID]);
    expect(await statuses(client(), OFFER_ID, 3)).toEqual(["provisioning_started", "provisioning_in_progress", "ready"]);
    expect(await resourceStatuses(client(), RESOURCE_ID, 1)).toEqual(["running"]);
    expect((await client().resources.delete(RESOURCE_ID)).status).toBe("deleting");
    expect(await resourceStatuses(client(), RESOURCE_ID, 2)).toEqual(["deleting", "deleted"]);
  });
});
