import { beforeAll, describe, expect, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";
import { PUBLIC_KEY, tempFile } from "../support/keys.js";
import { offersByPrice, procuredOffer, startSimulator } from "../support/simulator.js";

// The life of an offer through the built bin, against the stateful simulator on its manual clock:
// the offer procured is the one searched, and its state is read back from the simulator. Where a
// wait would need the clock to move (a stage after another, 1 s intervals), the command runs
// in-process on fake time instead (src/commands/*.test.ts): here a wait ends at its first check.
const SLOW = { provisioningMs: 4_000, deletionMs: 2_000 };
const FAST = ["--interval", "1s"];

let keyFile: string;
beforeAll(async () => {
  keyFile = await tempFile("id_ed25519.pub", `${PUBLIC_KEY}\n`);
});

const cheapestH100 = async (sim: Parameters<typeof offersByPrice>[0]) => (await offersByPrice(sim, { compute: { gpu_type: "H100" } }))[0]!.offer_id;

describe("procure", () => {
  it("without --wait: prints the procurement and how to follow it", async () => {
    const { sim, url } = await startSimulator(SLOW);
    const offerId = await cheapestH100(sim);
    const { code, stdout, stderr } = await runCli(["procure", offerId, "--ssh-key", keyFile], cliEnv(url));
    expect(code).toBe(0);
    const [resource] = sim.state.resources;
    expect(stdout).toMatch(/^Status:\s+provisioning_in_progress$/m);
    expect(stdout).toMatch(new RegExp(`^Resources:\\s+${resource!.resource_id}$`, "m"));
    expect(stderr).toContain(`Follow it with: cdesk status ${offerId} --wait`);
  });

  it("--wait --json: prints the procurement and the ready status as JSON, stages still on stderr", async () => {
    const { sim, url } = await startSimulator({ provisioningMs: 0 });
    const { code, stdout, stderr } = await runCli(["procure", await cheapestH100(sim), "--ssh-key", keyFile, "--wait", "--json", ...FAST], cliEnv(url));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      procurement: { status: "provisioning_in_progress" },
      status: { procurement_status: "ready", instances: [{ ssh_command: sim.state.resources[0]!.access!.ssh_command }] },
    });
    expect(stderr).toContain("ready: 1/1 instances running");
  });
});

describe("status", () => {
  it("without --wait: one look at the current stage", async () => {
    const { sim, url } = await startSimulator(SLOW);
    const { offerId } = await procuredOffer(sim);
    const { code, stdout } = await runCli(["status", offerId], cliEnv(url));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Stage:\s+provisioning started$/m);
    expect(stdout).toMatch(/^Progress:\s+Waiting for the vendor to accept the request$/m);
  });
});


describe("delete", () => {
  it("without --wait: deletion started", async () => {
    const { sim, url } = await startSimulator(SLOW);
    const { resourceIds } = await procuredOffer(sim);
    const { code, stdout } = await runCli(["delete", resourceIds[0]!], cliEnv(url));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Status:\s+deleting$/m);
    expect(stdout).toMatch(/^Message:\s+Resource deletion initiated$/m);
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleting"]);
  });

  it("--force --wait --json: the deletion answer and the deleted resource", async () => {
    const { sim, url } = await startSimulator({ deletionMs: 0 });
    const { resourceIds } = await procuredOffer(sim);
    const { code, stdout } = await runCli(["delete", resourceIds[0]!, "--force", "--wait", "--json", ...FAST], cliEnv(url));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ deletion: { status: "deleting" }, resource: { status: "deleted" } });
    expect(sim.requests.find((r) => r.method === "DELETE")?.query).toMatchObject({ force: "true" });
  });
});
