// The lifecycle in Chromium (Debian's package, driven by playwright-core), from a page on another
// origin than the API, so every request is cross-origin: preflights for `authorization`,
// `content-type: application/yaml` and `prefer`, and CORS on every answer, errors included.
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { type ChromiumLifecycle, chromiumVersion, openLifecyclePage } from "../../src/runtimes/chromium.js";
import { againstEachServer, configFor, timedOutRequestsClosed } from "../../src/runtimes/lifecycle-suite.js";
import { expectedLifecycleReport } from "../../src/runtimes/servers.js";

const { consumerDir } = inject("smoke");
const version = chromiumVersion();

let page: ChromiumLifecycle | undefined;
beforeAll(async () => {
  page = await openLifecyclePage(consumerDir);
});
afterAll(() => page?.close());

it.each(againstEachServer(["browser.mjs"]))(`Chromium ${version} runs the lifecycle (%s, bundled) against %s, cross-origin`, async (_entry, server) => {
  const config = configFor(server);
  expect(new URL(config.baseUrl).origin).not.toBe(page!.pageOrigin);
  const consoleBefore = page!.console.length;
  const report = await page!.run(config);
  expect(report).toEqual(expectedLifecycleReport);
  await timedOutRequestsClosed();

  const logged = page!.console.slice(consoleBefore);
  // Nothing from our code (the bundle on the page's origin) is an error, and nothing is uncaught.
  expect(logged.filter((entry) => entry.type === "pageerror" || (entry.type === "error" && entry.url.startsWith(page!.pageOrigin)))).toEqual([]);
  // The only errors are Chromium's own lines for the three error answers the lifecycle asks for:
  // a CORS refusal or a network error would show here too.
  expect(logged.filter((entry) => entry.type === "error").map((entry) => `${entry.text} ${new URL(entry.url).pathname.replace(/[0-9a-f-]{36}/, "{offer_id}")}`)).toEqual([
    "Failed to load resource: the server responded with a status of 404 (Not Found) /offers/{offer_id}",
    "Failed to load resource: the server responded with a status of 401 (Unauthorized) /available_gpus",
    "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity) /get_offers",
  ]);
});
