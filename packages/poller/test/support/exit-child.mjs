// Run by test/process-exit.test.ts in a child process: one wait against the parent's fake API,
// through the built package (dist) and a real client. It prints the outcome and the resources
// still active once the wait settled, then must exit on its own: it never calls process.exit.
import { createCdeskClient } from "@cdesk/client";
import { waitForOfferReady } from "@cdesk/poller";

const [outcomeWanted, baseUrl, offerId] = process.argv.slice(2);
const cdesk = createCdeskClient({ token: "test-token", baseUrl, maxRetries: 0, logLevel: "off" });
const controller = new AbortController();

const options = {
  ready: { intervalMs: 20 },
  failed: { intervalMs: 20 },
  // A leaked 60 s sleep would keep the process alive long after the 300 ms deadline.
  timeout: { intervalMs: 60_000, timeoutMs: 300 },
  // Abort during the 60 s sleep after the first status.
  abort: { intervalMs: 60_000, signal: controller.signal, onProgress: () => setTimeout(() => controller.abort(), 50) },
}[outcomeWanted];

let outcome;
try {
  const status = await waitForOfferReady(cdesk, offerId, options);
  outcome = status.procurement_status;
} catch (error) {
  outcome = error.name;
}
// What would keep the event loop alive, right after the wait settled (stdio handles excluded).
const active = process.getActiveResourcesInfo().filter((r) => r !== "TTYWrap" && r !== "PipeWrap");
console.log(JSON.stringify({ outcome, active }));
