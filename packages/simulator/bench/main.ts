// Benchmarks of @cdesk/simulator (figures in the README):
//   pnpm --filter @cdesk/simulator bench
// - createSimulator() to its first in-process answer (target < 20 ms)
// - sim.listen() to its first answer over HTTP (target < 200 ms)
// - 10,000 in-process status requests (target < 1 s)
// - the main entry's browser bundle, minified and gzipped
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { createSimulator } from "../src/node.js";
import { browserBundleSize } from "../../../scripts/browser-bundle.mjs";

const AUTH = { authorization: "Bearer bench" };
const ROUNDS = 20;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (n: number): string => `${n.toFixed(2)} ms`;

async function createToFirstAnswer(): Promise<number> {
  const start = performance.now();
  const sim = createSimulator({ clock: "manual" });
  const response = await sim.fetch(`${sim.url}/available_gpus`, { headers: AUTH });
  await response.json();
  return performance.now() - start;
}

async function listenToFirstAnswer(): Promise<number> {
  const sim = createSimulator({ clock: "manual" });
  const start = performance.now();
  const server = await sim.listen({ port: 0 });
  const response = await fetch(`${server.url}/available_gpus`, { headers: AUTH });
  await response.json();
  const elapsed = performance.now() - start;
  await server.close();
  return elapsed;
}

async function statusRequests(count: number): Promise<number> {
  const sim = createSimulator({ clock: "manual", provisioningMs: 60_000 });
  const search = await sim.fetch(`${sim.url}/get_offers`, { method: "POST", headers: AUTH, body: "compute:\n  gpu_type: H100\n" });
  const offerId = (await search.json()).offers[0].offer_id;
  await sim.fetch(`${sim.url}/procure_offer`, {
    method: "POST",
    headers: { ...AUTH, "content-type": "application/json" },
    body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA" }),
  });
  const url = `${sim.url}/offers/${offerId}/status`;
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const response = await sim.fetch(url, { headers: AUTH });
    await response.json();
  }
  return performance.now() - start;
}

async function series(run: () => Promise<number>): Promise<{ first: number; median: number }> {
  const first = await run();
  const rest: number[] = [];
  for (let i = 0; i < ROUNDS; i++) rest.push(await run());
  return { first, median: median(rest) };
}

const created = await series(createToFirstAnswer);
const listened = await series(listenToFirstAnswer);
const statuses: number[] = [];
for (let i = 0; i < 5; i++) statuses.push(await statusRequests(10_000));
// Run from the package directory (pnpm does): the bundle is measured from source, as the test does.
const bundle = await browserBundleSize(resolve("src/index.ts"));

const { loadavg } = await import("node:os");
console.log(`node ${process.version}, ${process.platform}/${process.arch}, load average ${loadavg().map((n) => n.toFixed(1)).join(" ")}`);
console.log(`createSimulator() to first in-process answer: first ${ms(created.first)}, median of ${ROUNDS} ${ms(created.median)}  (target < 20 ms)`);
console.log(`sim.listen() to first HTTP answer:           first ${ms(listened.first)}, median of ${ROUNDS} ${ms(listened.median)}  (target < 200 ms)`);
console.log(`10,000 in-process status requests:           best ${ms(Math.min(...statuses))}, median ${ms(median(statuses))} of ${statuses.map((n) => n.toFixed(0)).join(", ")}  (target < 1 s)`);
console.log(`browser bundle of the main entry:            ${(bundle.minBytes / 1024).toFixed(1)} KiB minified, ${(bundle.gzipBytes / 1024).toFixed(1)} KiB gzipped`);
