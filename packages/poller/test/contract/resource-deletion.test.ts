import { describe, expect, it } from "vitest";
import { waitForResourceDeleted } from "../../src/index.js";
import { RESOURCE_ID } from "../support/fixtures.js";
import { mockWithClient } from "../support/mock-client.js";

const FAST = { intervalMs: 10, timeoutMs: 20_000 };

describe("resource deletion stepped through the spec's examples with Prefer", () => {
  const mock = mockWithClient();

  it("waits from deleting to deleted", async () => {
    mock.preferEach("example=running", "example=deleting", "example=deleted");
    const resource = await waitForResourceDeleted(mock.cdesk, RESOURCE_ID, FAST);
    expect(resource).toMatchObject({ resource_id: RESOURCE_ID, status: "deleted", valid_to: "2026-11-29T11:01:00Z" });
    expect(mock.sent.map((r) => r.path)).toEqual(Array(3).fill(`/resources/${RESOURCE_ID}`));
  });

  it("resolves undefined when the resource is gone (404)", async () => {
    mock.preferEach("example=deleting", "code=404");
    await expect(waitForResourceDeleted(mock.cdesk, RESOURCE_ID, FAST)).resolves.toBeUndefined();
    expect(mock.sent).toHaveLength(2);
  });
});
