import { beforeAll, describe, expect, it } from "vitest";
import { cliEnv, finished, runCli, startCli } from "../support/cli.js";
import { refusedUrl } from "../support/http-server.js";
import { PUBLIC_KEY, tempFile } from "../support/keys.js";
import { failCheapest, offersByPrice, startSimulator, whenStderr } from "../support/simulator.js";

// `cdesk up` as the built bin against the stateful simulator: what it procures, fails over from,
// cleans up and leaves running is read back from the simulator's own state.
const QUERY = { region: "EU", compute: { gpu_type: "H100" } };
const FAST = ["--interval", "1s"];

let keyFile: string;
beforeAll(async () => {
  keyFile = await tempFile("id_ed25519.pub", `${PUBLIC_KEY}\n`);
});

const up = (...extra: string[]) => ["up", "--gpu", "H100", "--region", "EU", "--max-price", "30", "--ssh-key", keyFile, ...FAST, ...extra];

/** `cdesk up`, sent SIGINT (Ctrl-C) once it shows the first provisioning stage; on the manual clock, provisioning never ends by itself. */
async function interruptedWhileProvisioning(...extra: string[]) {
  const { sim, url } = await startSimulator({ provisioningMs: 3_600_000 });
  const child = startCli(up(...extra), cliEnv(url));
  const result = finished(child);
  await whenStderr(child, /^\[\S+\] provisioning started/m);
  child.kill("SIGINT");
  return { sim, ...(await result) };
}

describe("cdesk up", () => {
  it("fails over: the cheapest offer fails provisioning, is cleaned up, and the next one is ready", async () => {
    const { sim, url } = await startSimulator();
    const [cheapest, next] = await failCheapest(sim, QUERY);

    const { code, stdout, stderr } = await runCli(up(), cliEnv(url));

    expect(code).toBe(0);
    // In the order procured: the cheapest offer's machine, deleted; the next one's, running.
    const [failed, ready] = sim.state.resources;
    expect([failed?.status, ready?.status]).toEqual(["deleted", "running"]);
    const [failedOffer, readyOffer] = [failed!, ready!].map((resource) => resource.offer_history![0]!.offer_id);
    const lines = stderr.split("\n");
    expect(lines).toContain(`Found 3 offers: 3 to try`);
    expect(lines).toContain(`Attempt 1 of at most 3: offer ${failedOffer} (${cheapest.vendor}, 1x ${cheapest.gpu_type}, EU (${cheapest.vendor_region}), ${cheapest.contract_type}, $${cheapest.total_price_per_hour!.toFixed(2)}/h)`);
    expect(stderr).toMatch(new RegExp(`^✖ offer ${failedOffer} \\(${cheapest.vendor}, .+\\): Provisioning failed: .+$`, "m"));
    expect(lines).toContain(`Cleaning up offer ${failedOffer}: deleting ${failed!.resource_id} (force)`);
    expect(lines).toContain(`✔ offer ${failedOffer}: ${failed!.resource_id} deleted`);
    expect(stderr).toMatch(new RegExp(`^Attempt 2 of at most 3: offer ${readyOffer} \\(${next.vendor}, .+, \\$${next.total_price_per_hour!.toFixed(2)}/h\\)$`, "m"));
    expect(stderr).toMatch(new RegExp(`^✔ offer ${readyOffer} \\(${next.vendor}, .+\\) ready: 1/1 instances running$`, "m"));
    expect(stdout).toMatch(/^Stage:\s+ready$/m);
    expect(stderr).toContain(`Release it with: cdesk down ${readyOffer} --wait`);
    // The last thing it says is how to connect.
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(`Connect with: ${ready!.access?.ssh_command}`);
  });

  it("--json: the result with every attempt on stdout, each resource with its fate", async () => {
    const { sim, url } = await startSimulator();
    await failCheapest(sim, QUERY);

    const { code, stdout, stderr } = await runCli(up("--json"), cliEnv(url));

    expect(code).toBe(0);
    const [failed, ready] = sim.state.resources;
    const result = JSON.parse(stdout);
    expect(result.offer.offer_id).toBe(ready!.offer_history![0]!.offer_id);
    expect(result.status).toMatchObject({ procurement_status: "ready", instances: [{ ssh_command: ready!.access?.ssh_command }] });
    expect(result.attempts.map((a: { outcome: string }) => a.outcome)).toEqual(["failed", "ready"]);
    expect(result.attempts[0].error).toMatchObject({ name: "ProvisioningFailedError", message: expect.stringContaining("Provisioning failed") });
    expect(result.attempts[0].resources).toEqual([{ resourceId: failed!.resource_id, fate: "deleted" }]);
    expect(result.attempts[1].resources).toEqual([{ resourceId: ready!.resource_id, fate: "kept" }]);
    // Progress still goes to stderr; hints do not.
    expect(stderr).toContain("Cleaning up offer");
    expect(stderr).not.toContain("Connect with");
  });

  it("a price cap below every offer: nothing is procured, exit code 6", async () => {
    const { sim, url } = await startSimulator();
    const found = (await offersByPrice(sim, QUERY)).length;

    const { code, stdout, stderr } = await runCli(["up", "--gpu", "H100", "--region", "EU", "--max-price", "0.01", "--ssh-key", keyFile], cliEnv(url));

    expect(code).toBe(6);
    expect(stdout).toBe("");
    expect(stderr).toContain(`error: Nothing to procure: found ${found} offers: 0 to try, ${found} above --max-price $0.01/h.`);
    expect(stderr).toMatch(/^hint: Raise --max-price/m);
    expect(sim.requests.filter((r) => r.path === "/procure_offer")).toEqual([]);
  });

  it("every attempt fails: one line per attempt with its resources (all deleted), exit code 3", async () => {
    const { sim, url } = await startSimulator();
    sim.failOffer(() => true, "provisioning");

    const { code, stderr } = await runCli(up("--max-attempts", "2"), cliEnv(url));

    expect(code).toBe(3);
    const attempts = stderr.split("\n").filter((line) => line.startsWith("attempt "));
    expect(attempts).toHaveLength(2);
    for (const line of attempts) expect(line).toMatch(/ failed: Provisioning failed: .+; resources: \S+ deleted$/);
    expect(stderr).toMatch(/^error: Provisioning failed: /m);
    expect(stderr).toContain("hint: Nothing is left running: every resource it created is deleted.");
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted", "deleted"]);
  });

  it("--json when nothing was acquired: the error, its cause and every attempt on stdout", async () => {
    const { sim, url } = await startSimulator();
    sim.failOffer(() => true, "provisioning");

    const { code, stdout } = await runCli(up("--max-attempts", "1", "--json"), cliEnv(url));

    expect(code).toBe(3);
    const [resource] = sim.state.resources;
    expect(JSON.parse(stdout)).toMatchObject({
      error: { name: "AcquireError", message: expect.stringContaining("1 offer(s) procured") },
      cause: { name: "ProvisioningFailedError" },
      attempts: [{ outcome: "failed", resources: [{ resourceId: resource!.resource_id, fate: "deleted" }] }],
    });
  });

  it("Ctrl-C while provisioning: deletes what the attempt created, says so, exits 130", async () => {
    const { sim, code, stderr } = await interruptedWhileProvisioning();

    expect(code).toBe(130);
    const [resource] = sim.state.resources;
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
    expect(stderr).toMatch(/^✖ offer \S+ \(.+\): Interrupted\.$/m);
    expect(stderr).toContain(`✔ offer ${resource!.offer_history![0]!.offer_id}: ${resource!.resource_id} deleted`);
    expect(stderr).toMatch(new RegExp(`^attempt 1: offer \\S+ \\(.+\\) stopped: Interrupted; resources: ${resource!.resource_id} deleted$`, "m"));
    expect(stderr).toMatch(/^error: Interrupted\.$/m);
    expect(stderr).toContain("hint: Nothing is left running");
  });

  it("--keep, then Ctrl-C: nothing is deleted, and it says what is still billed and how to release it", async () => {
    const { sim, code, stderr } = await interruptedWhileProvisioning("--keep");

    expect(code).toBe(130);
    const [resource] = sim.state.resources;
    const offerId = resource!.offer_history![0]!.offer_id;
    expect(sim.state.resources.map((r) => r.status)).not.toContain("deleted");
    expect(sim.requests.filter((r) => r.method === "DELETE")).toEqual([]);
    expect(stderr).toMatch(new RegExp(`^attempt 1: .+ stopped: Interrupted; resources: ${resource!.resource_id} kept$`, "m"));
    expect(stderr).toContain(`hint: Still billed: ${resource!.resource_id}: release with \`cdesk down ${offerId} --wait\`.`);
  });

  // Deadlines and the cases they end (a lost procure answer, a connection failing until --timeout)
  // run in-process on fake time: src/commands/up.test.ts.
  it("no server at the address: stops after the client's retries, naming the URL, exit code 1", async () => {
    const url = await refusedUrl();
    const { code, stdout, stderr } = await runCli(up("--json"), cliEnv(url));
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: POST ${url}/get_offers failed: connection refused (ECONNREFUSED).\n` +
        "hint: Check the address (--base-url or CDESK_BASE_URL) and your connection.\n",
    );
    expect(JSON.parse(stdout)).toMatchObject({ reason: `POST ${url}/get_offers failed: connection refused (ECONNREFUSED).`, attempts: [] });
  });

  it("a token the API refuses: stops at once, nothing procured, exit code 5 with the token hint", async () => {
    const { sim, url } = await startSimulator({ token: "the-right-token" });
    const { code, stderr } = await runCli(up(), cliEnv(url, { CDESK_API_TOKEN: "a-wrong-token" }));
    expect(code).toBe(5);
    expect(stderr).toMatch(/^error: 401 Unauthorized: .+ \(POST \/get_offers/m);
    expect(stderr).toMatch(/^hint: The API did not accept the token\. Run `cdesk auth login`/m);
    expect(sim.requests.map((r) => r.path)).toEqual(["/get_offers"]);
  });

  it("a usage error before anything is sent: --max-price is required", async () => {
    const { sim, url } = await startSimulator();
    const { code, stderr } = await runCli(["up", "--gpu", "H100", "--ssh-key", keyFile], cliEnv(url));
    expect(code).toBe(2);
    expect(stderr).toContain("required option '--max-price <usd>' not specified");
    expect(sim.requests).toEqual([]);
  });
});
