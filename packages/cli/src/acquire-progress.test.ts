import type { AcquireEvent, Offer } from "@cdesk/poller";
import { expect, it, vi } from "vitest";
import { createAcquireProgress } from "./acquire-progress.js";

const offer = (offer_id: string, total_price_per_hour: number) =>
  ({ offer_id, vendor: "nebius", gpu_type: "H100", gpu_count: 1, region: "EU", total_price_per_hour }) as Offer;

function shown(events: AcquireEvent[]): string[] {
  const chunks: string[] = [];
  const progress = createAcquireProgress(
    { stderr: { write: (text: string) => chunks.push(text) }, env: {} },
    { maxAttempts: 3, maxPrice: 5, reason: (error) => (error as Error).message },
  );
  for (const event of events) progress.onEvent(event);
  progress.finish();
  return chunks.join("").split("\n").filter(Boolean);
}

it("a search's line counts its skipped offers, which acquire reports right after it", () => {
  vi.useFakeTimers(); // the lines' elapsed times
  try {
    const cheap = offer("o-1", 2.95);
    const lines = shown([
      { type: "searched", offers: 3, candidates: 1 },
      { type: "skipped", offer: offer("o-2", 9), reason: "over-price" },
      { type: "skipped", offer: offer("o-3", 12), reason: "over-price" },
      { type: "procuring", offer: cheap, attempt: 1 },
      { type: "procured", offer: cheap, attempt: 1, procurement: undefined, resourceIds: ["r-1"] },
      { type: "failed", offer: cheap, attempt: 1, error: new Error("Provisioning failed: no capacity") },
      { type: "cleaning-up", offer: cheap, attempt: 1, resourceIds: ["r-1"] },
      { type: "cleaned-up", offer: cheap, attempt: 1, resources: [{ resourceId: "r-1", fate: "deleting" }] },
    ]);
    expect(lines).toEqual([
      "Found 3 offers: 1 to try, 2 above --max-price $5.00/h",
      "Attempt 1 of at most 3: offer o-1 (nebius, 1x H100, EU, $2.95/h)",
      "[0s] procured: resources r-1",
      "✖ offer o-1 (nebius, 1x H100, EU, $2.95/h): Provisioning failed: no capacity",
      "Cleaning up offer o-1: deleting r-1 (force)",
      // Not confirmed deleted: not a success.
      "✖ offer o-1: r-1 deleting",
    ]);
  } finally {
    vi.useRealTimers();
  }
});

it("a search with nothing after it is still shown once the acquisition ends, and kept for the error", () => {
  const chunks: string[] = [];
  const progress = createAcquireProgress(
    { stderr: { write: (text: string) => chunks.push(text) }, env: {} },
    { maxAttempts: 3, maxPrice: 1, reason: String },
  );
  progress.onEvent({ type: "searched", offers: 2, candidates: 0 });
  progress.onEvent({ type: "skipped", offer: offer("o-1", 3), reason: "over-price" });
  progress.onEvent({ type: "skipped", offer: offer("o-2", 4), reason: "over-price" });
  expect(chunks).toEqual([]);
  progress.finish();
  expect(chunks).toEqual(["Found 2 offers: 0 to try, 2 above --max-price $1.00/h\n"]);
  expect(progress.lastSearch()).toBe("Found 2 offers: 0 to try, 2 above --max-price $1.00/h");
});

it("a cleanup that finds nothing after a procure whose outcome is unknown is no success: it names the offer to check", () => {
  vi.useFakeTimers();
  try {
    const cheap = offer("o-1", 2.95);
    const lines = shown([
      { type: "procuring", offer: cheap, attempt: 1 },
      { type: "failed", offer: cheap, attempt: 1, error: new Error("POST /procure_offer failed: connection reset (ECONNRESET).") },
      { type: "cleaning-up", offer: cheap, attempt: 1, resourceIds: [] },
      { type: "cleaned-up", offer: cheap, attempt: 1, resources: [] },
    ]);
    expect(lines.slice(-2)).toEqual([
      "Cleaning up offer o-1: deleting nothing (force)",
      "✖ offer o-1: no resource found, but its procure may have gone through (`cdesk status o-1`)",
    ]);
  } finally {
    vi.useRealTimers();
  }
});
