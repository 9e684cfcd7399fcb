import { describe, expect, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";
import { procuredOffer, startSimulator } from "../support/simulator.js";

async function procured(options: Parameters<typeof startSimulator>[0] = {}) {
  const { sim, url } = await startSimulator(options);
  return { sim, url, ...(await procuredOffer(sim)) };
}

describe("cdesk down", () => {
  it("--wait: deletes every resource of the offer (force), waits until they are gone, and lists them", async () => {
    const { sim, url, offerId, resourceIds } = await procured();

    const { code, stdout, stderr } = await runCli(["down", offerId, "--wait", "--interval", "1s"], cliEnv(url));

    expect(code).toBe(0);
    expect(resourceIds).toHaveLength(1);
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
    expect(sim.requests.filter((r) => r.method === "DELETE").map((r) => [r.path, r.query])).toEqual([
      [`/resources/${resourceIds[0]}`, expect.objectContaining({ force: "true" })],
    ]);
    expect(stdout).toMatch(new RegExp(`^${resourceIds[0]}\\s+vm\\s+deleted$`, "m"));
    expect(stderr).toMatch(/^✔ 1 resource deleted$/m);
  });

  it("without --wait: starts the deletions and says how to follow them; again, it is safe", async () => {
    const { sim, url, offerId, resourceIds } = await procured({ deletionMs: 3_600_000 }); // still deleting on the manual clock

    const first = await runCli(["down", offerId], cliEnv(url));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(new RegExp(`^${resourceIds[0]}\\s+vm\\s+deleting$`, "m"));
    expect(first.stderr).toContain(`Follow it with: cdesk down ${offerId} --wait`);
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleting"]);

    const again = await runCli(["down", offerId, "--json"], cliEnv(url));
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ offer_id: offerId, resources: [{ resource_id: resourceIds[0], resource_type: "vm", status: "deleting" }] });
  });

  it("an offer with no resources: says so, exit code 0", async () => {
    const { url } = await startSimulator();
    const { code, stdout, stderr } = await runCli(["down", "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11"], cliEnv(url));
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toContain("Offer 3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11 has no resources.");
  });
});
