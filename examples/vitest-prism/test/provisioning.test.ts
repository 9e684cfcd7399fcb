import { createCdeskClient } from "@cdesk/client";
import { startMockServer, type MockServer } from "@cdesk/mock";
import { afterAll, beforeAll, expect, test } from "vitest";

// A scenario steps each offer's status through the spec's named examples; this file needs its own mock.
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ port: 0, scenario: "provisioning" });
}, 60_000); // Prism can take several seconds to start on a busy machine
afterAll(() => mock.close());

test("after a procure, the status steps through the spec's stages to ready", async () => {
  const cdesk = createCdeskClient({ baseUrl: mock.url, token: "test-token" });
  const offerId = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
  await cdesk.offers.procure({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample test@example" });
  const stages = [];
  for (let poll = 0; poll < 3; poll += 1) stages.push((await cdesk.offers.status(offerId)).procurement_status);
  expect(stages).toEqual(["provisioning_started", "provisioning_in_progress", "ready"]);
});
