import { expect, inject, it } from "vitest";
import { bundleForBrowser } from "../src/browser-bundle.js";

const { consumerDir } = inject("smoke");

/**
 * Budget for what a browser app pays to create a client and wait for an offer (client + poller +
 * openapi-fetch, minified + gzipped). Set at about 10% over what was measured when it was set
 * (30,183 B minified, 10,772 B gzipped); raise it deliberately, in the same commit as the code that
 * needs it, never to make a red run green. Raised for issue 11 (response shape checks, request-build
 * checks, body limits, cross-build errors, the operation table): measured 35,759 B minified, 12,547 B
 * gzipped on 2026-12-01. Raised with requests handed to fetch as parts (a PendingRequest for
 * openapi-fetch, raw calls checked as fetch would check them, paths from compiled templates: a POST
 * at 0.6x bare openapi-fetch's CPU): measured 37,849 B minified, 13,260 B gzipped on 2026-12-06.
 */
const budget = { minified: 38_500, gzipped: 13_400 };

it("client + poller bundled for browsers stay within the size budget", async () => {
  const figures = await bundleForBrowser("browser.ts", consumerDir);
  console.log(
    `browser bundle (createCdeskClient + waitForOfferReady): ${figures.minified} B minified, ${figures.gzipped} B gzipped ` +
      `(budget ${budget.minified} / ${budget.gzipped})\n` +
      figures.byPackage.map(([name, bytes]) => `  ${name}: ${bytes} B`).join("\n"),
  );
  expect(figures.minified).toBeLessThanOrEqual(budget.minified);
  expect(figures.gzipped).toBeLessThanOrEqual(budget.gzipped);
});
