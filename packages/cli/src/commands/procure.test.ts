import { describe, expect, it } from "vitest";
import { fakeRuntime } from "../../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useFakeTime, useSimulatedApi } from "../../test/support/fake-time.js";
import { hangingFetch, refusingFetch } from "../../test/support/fetch-faults.js";
import { PUBLIC_KEY } from "../../test/support/keys.js";
import { offersByPrice } from "../../test/support/simulator.js";

// `cdesk procure` in-process on fake time, for what needs an interval or a deadline to pass; the
// built bin's own runs are in test/contract/lifecycle.test.ts.
const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
const withKey = (env: Record<string, string> = {}) => fakeRuntime({ "key.pub": `${PUBLIC_KEY}\n` }, env);
const stages = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("[")).map((line) => line.replace(/^\[\S+\] /, ""));

describe("procure --wait", () => {
  it("shows every stage on stderr, then the ready status and the ssh command", async () => {
    const { sim, env } = useSimulatedApi({ provisioningMs: 4_000 });
    const [offer] = await offersByPrice(sim, { compute: { gpu_type: "H100" } });
    const io = withKey(env);

    expect(await cdeskOnFakeTime(["procure", offer!.offer_id, "--ssh-key", "key.pub", "--wait", "--interval", "1s"], io.runtime)).toBe(0);

    expect(stages(io.stderr())).toEqual([
      "provisioning started: Waiting for the vendor to accept the request",
      "provisioning in progress: 0/1 instances running",
      "ready: 1/1 instances running",
    ]);
    const ssh = sim.state.resources[0]!.access!.ssh_command!;
    expect(io.stderr()).toContain(`Connect with: ${ssh}`);
    expect(io.stdout()).toMatch(/^Stage:\s+ready$/m);
    expect(io.stdout()).toMatch(new RegExp(`^1\\s+running\\s+\\S+\\s+${ssh}$`, "m"));
  });

  it("a procure that hangs past --timeout: its outcome is unknown, so the hint names the offer to check, exit 4", async () => {
    useFakeTime(hangingFetch);
    const io = withKey();

    expect(await cdeskOnFakeTime(["procure", OFFER_ID, "--ssh-key", "key.pub", "--wait", "--timeout", "1m"], io.runtime)).toBe(4);

    expect(io.stderr()).toContain("error: Gave up after 1m 00s.\n");
    expect(io.stderr()).toContain(`hint: The procurement may have gone through: check with \`cdesk status ${OFFER_ID}\` before procuring again.\n`);
    expect(io.stderr()).not.toContain("Resume");
  });

  it("that could not connect offers no resume: nothing was procured, exit 1", async () => {
    useFakeTime(refusingFetch);
    const io = withKey();

    expect(await cdeskOnFakeTime(["procure", OFFER_ID, "--ssh-key", "key.pub", "--wait"], io.runtime)).toBe(1);

    expect(io.stderr()).toContain("error: POST http://127.0.0.1:4010/procure_offer failed: connection refused (ECONNREFUSED).\n");
    expect(io.stderr()).not.toContain("Resume");
  });
});
