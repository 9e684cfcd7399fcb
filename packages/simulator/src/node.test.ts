import { expect, test } from "vitest";
import { createSimulator } from "./node.js";

test("listen() serves the same state over HTTP, and close() frees the port", async () => {
  const sim = createSimulator({ clock: "manual", provisioningMs: 0 });
  const server = await sim.listen({ port: 0 });
  try {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const headers = { authorization: "Bearer any" };
    const search = await fetch(`${server.url}/get_offers`, { method: "POST", headers, body: "compute:\n  gpu_type: L4\n" });
    const offerId = (await search.json()).offers[0].offer_id;
    expect(sim.state.offers.map((o) => o.offer_id)).toContain(offerId);
    const procured = await fetch(`${server.url}/procure_offer`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ offer_id: offerId, ssh_public_key: "ssh-ed25519 AAAA" }),
    });
    expect(procured.status).toBe(200);
    const status = await (await sim.fetch(`${sim.url}/offers/${offerId}/status`, { headers })).json();
    expect(status.procurement_status).toBe("ready");
    const missing = await fetch(`${server.url}//offers`, { headers });
    expect(missing.status).toBe(404);
  } finally {
    await server.close();
  }
  await expect(fetch(server.url)).rejects.toThrow();
});

test("listen() also serves a simulator made by the main entry", async () => {
  const { createSimulator: createInProcess } = await import("./index.js");
  const { listen } = await import("./node.js");
  const sim = createInProcess({ clock: "manual" });
  const server = await listen(sim, { port: 0 });
  try {
    const response = await fetch(`${server.url}/available_vendors`, { headers: { authorization: "Bearer any" } });
    expect(await response.json()).toEqual(["nebius", "scaleway", "hyperstack", "vastai"]);
    expect(sim.requests.map((r) => r.path)).toEqual(["/available_vendors"]);
  } finally {
    await server.close();
  }
});
