import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";
import { bundleEntry } from "./bundle.js";
import { chromiumPath } from "./pinned.mjs";

/**
 * As root Chromium needs --no-sandbox; the other flags stop it from calling Google's hosts (which
 * a closed network refuses, and which would otherwise show as console noise and slow start-up).
 */
const chromiumArgs = [
  "--no-sandbox",
  "--headless",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * The installed Chromium's version, e.g. "156.0.8078.114". Debian's archive keeps only the current
 * build of its security updates, so the package cannot be pinned; the tests name the version they
 * ran instead. Throws (the whole file fails) when Chromium is not installed.
 */
export function chromiumVersion(): string {
  let output: string;
  try {
    output = execFileSync(chromiumPath, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  } catch (error) {
    throw new Error(`Chromium is not installed at ${chromiumPath} (as root: apt-get update && apt-get install -y chromium)`, { cause: error });
  }
  const version = /Chromium (\d+(?:\.\d+)+)/.exec(output)?.[1];
  if (!version) throw new Error(`${chromiumPath} --version printed ${output.trim()}`);
  return version;
}

/** A console message or page error, with where it came from. */
export interface ConsoleEntry {
  type: string;
  text: string;
  url: string;
}

/** A Chromium page that has loaded the lifecycle bundle from its own origin. */
export interface ChromiumLifecycle {
  /** The page's origin, which differs from every API server's (other port), so each request is cross-origin. */
  pageOrigin: string;
  /** Runs the lifecycle in the page and returns its report. */
  run(config: LifecycleConfig): Promise<Record<string, unknown>>;
  /** Every console error and warning, and every uncaught page error, since the page loaded. */
  readonly console: readonly ConsoleEntry[];
  close(): Promise<void>;
}

/**
 * Serves a page and the bundled `lifecycle/browser.mjs` from a loopback port of its own, and
 * opens it in Debian's Chromium (never a browser download) with a fresh profile.
 */
export async function openLifecyclePage(consumerDir: string): Promise<ChromiumLifecycle> {
  const bundle = await bundleEntry("lifecycle/browser.mjs", consumerDir);
  const pageServer = await servePage(bundle);
  const profile = await mkdtemp(join(tmpdir(), "cdesk-chromium-"));
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close();
    await new Promise<void>((resolve) => pageServer.server.close(() => resolve()));
    await rm(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: chromiumArgs });
    const page = context.pages()[0] ?? (await context.newPage());
    const entries = recordConsole(page);
    await page.goto(`${pageServer.origin}/`);
    await page.waitForFunction(() => typeof (globalThis as { runLifecycle?: unknown }).runLifecycle === "function");
    return {
      pageOrigin: pageServer.origin,
      run: (config) =>
        page.evaluate((c) => (globalThis as unknown as { runLifecycle(c: unknown): Promise<Record<string, unknown>> }).runLifecycle(c), config),
      console: entries,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function recordConsole(page: Page): ConsoleEntry[] {
  const entries: ConsoleEntry[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") {
      entries.push({ type: message.type(), text: message.text(), url: message.location().url });
    }
  });
  page.on("pageerror", (error) => entries.push({ type: "pageerror", text: `${error.name}: ${error.message}`, url: "" }));
  return entries;
}

async function servePage(bundle: string): Promise<{ server: Server; origin: string }> {
  const html = `<!doctype html><meta charset="utf-8"><title>cdesk lifecycle</title><script type="module" src="/lifecycle.js"></script>`;
  const server = createServer((request, response) => {
    if (request.url === "/lifecycle.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    } else if (request.url === "/favicon.ico") {
      response.writeHead(204).end();
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(html);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}
