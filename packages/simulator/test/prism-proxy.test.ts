// Prism's validating proxy (@cdesk/mock) in front of the simulator's HTTP server, through a whole
// lifecycle and its error answers: Prism checks every response against the spec and reports
// anything that breaks it. Zero violations is the bar.
import { startMockServer, type MockServer } from "@cdesk/mock";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSimulator, type NodeSimulator, type SimulatorServer } from "../src/node.js";
import { H100_EU } from "./wire.js";

let sim: NodeSimulator;
let server: SimulatorServer;
let proxy: MockServer;

beforeAll(async () => {
  sim = createSimulator({ seed: 11, clock: "manual", provisioningMs: 60_000, deletionMs: 5_000 });
  server = await sim.listen({ port: 0 });
  proxy = await startMockServer({ proxy: server.url });
}, 60_000);

afterAll(async () => {
  await proxy?.close();
  await server?.close();
});

async function send(method: string, path: string, body?: string, contentType?: string): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { authorization: "Bearer proxy-test" };
  if (contentType) headers["content-type"] = contentType;
  const response = await fetch(`${proxy.url}${path}`, { method, headers, body });
  return { status: response.status, body: await response.json() };
}

test("a whole lifecycle, its errors and injected faults pass Prism's validation with zero violations", async () => {
  const statuses: number[] = [];
  const step = async (method: string, path: string, body?: string, contentType?: string) => {
    const answer = await send(method, path, body, contentType);
    statuses.push(answer.status);
    return answer;
  };
  for (const path of ["/available_gpus", "/available_vendors", "/available_regions", "/available_contracts", "/available_storage"]) {
    await step("GET", path);
  }
  const search = await step("POST", "/get_offers", H100_EU, "application/yaml");
  const offerId = search.body.offers[0].offer_id;
  const procureBody = JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA proxy" });
  const procured = await step("POST", "/procure_offer", procureBody, "application/json");
  const [resourceId] = procured.body.resource_ids;
  await step("GET", `/offers/${offerId}`);
  for (const ms of [0, 15_000, 45_000]) {
    sim.advance(ms);
    await step("GET", `/offers/${offerId}/status`);
  }
  await step("GET", `/resources?offer_id=${offerId}`);
  await step("GET", `/resources/${resourceId}?force_refresh=true`);
  await step("DELETE", `/resources/${resourceId}?force=true`);
  sim.advance(5_000);
  await step("GET", `/resources/${resourceId}?force_refresh=true`);
  await step("GET", "/resources");
  // The error answers: 409 twice, 404, 410, 422 (YAML body and path), an injected 503 and 429.
  // (Invalid JSON is not here: Prism's proxy answers it with its own 400 before forwarding.)
  await step("DELETE", `/resources/${resourceId}`);
  await step("POST", "/procure_offer", procureBody, "application/json");
  await step("GET", "/offers/00000000-0000-4000-8000-000000000000");
  const stale = (await step("POST", "/get_offers", H100_EU, "application/yaml")).body.offers[0].offer_id;
  sim.advance(30 * 60_000);
  await step("POST", "/procure_offer", JSON.stringify({ offer_id: stale, ssh_public_key: "ssh-ed25519 AAAA" }), "application/json");
  await step("POST", "/get_offers", "compute: {gpu_count: many}", "application/yaml");
  await step("GET", "/offers/not-a-uuid/status");
  sim.failNext("GET /offers/{offer_id}/status", { status: 503, retryAfter: 1 });
  await step("GET", `/offers/${offerId}/status`);
  sim.failNext("POST /get_offers", { status: 429, retryAfter: 2 });
  await step("POST", "/get_offers", H100_EU, "application/yaml");

  expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 409, 409, 404, 200, 410, 422, 422, 503, 429]);
  expect(proxy.violations).toEqual([]);
}, 60_000);
