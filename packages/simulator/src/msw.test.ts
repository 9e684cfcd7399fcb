import { setupServer } from "msw/node";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createSimulator } from "./index.js";
import { handlers } from "./msw.js";

// MSW intercepts the global fetch, as it does in a browser with setupWorker(...handlers(sim)).
const sim = createSimulator({ clock: "manual", provisioningMs: 2_000 });
const server = setupServer(...handlers(sim));

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());

test("the handlers answer the global fetch from the simulator's state", async () => {
  const headers = { authorization: "Bearer msw" };
  const search = await fetch(`${sim.url}/get_offers`, { method: "POST", headers, body: "compute:\n  gpu_type: H100\n" });
  expect(search.headers.get("x-request-id")).toBeTruthy();
  const offerId = (await search.json()).offers[0].offer_id;
  const procured = await fetch(`${sim.url}/procure_offer`, {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA" }),
  });
  expect((await procured.json()).status).toBe("provisioning_in_progress");
  sim.advance(2_000);
  const status = await (await fetch(`${sim.url}/offers/${offerId}/status`, { headers })).json();
  expect(status.procurement_status).toBe("ready");
  expect(sim.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /get_offers", "POST /procure_offer", `GET /offers/${offerId}/status`]);
});

test("another base URL can be answered instead of sim.url", async () => {
  const other = createSimulator({ clock: "manual" });
  server.use(...handlers(other, { baseUrl: "https://supply-api.compute-desk.com/" }));
  const response = await fetch("https://supply-api.compute-desk.com/available_vendors", { headers: { authorization: "Bearer msw" } });
  expect(await response.json()).toEqual(["nebius", "scaleway", "hyperstack", "vastai"]);
  expect(other.requests).toHaveLength(1);
});
