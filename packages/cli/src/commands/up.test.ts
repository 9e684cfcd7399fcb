import type { FetchLike } from "@cdesk/client";
import type { Simulator } from "@cdesk/simulator";
import { describe, expect, it } from "vitest";
import { fakeRuntime } from "../../test/support/fake-runtime.js";
import { cdeskOnFakeTime, useFakeTime, useSimulatedApi } from "../../test/support/fake-time.js";
import { cuttingAnswers, refusingFetch, resettingFetch } from "../../test/support/fetch-faults.js";
import { PUBLIC_KEY } from "../../test/support/keys.js";

// `cdesk up` in-process on fake time, for what needs a deadline or many intervals to pass: the
// built bin's own runs are in test/contract/up.test.ts.
const up = (...extra: string[]) => ["up", "--gpu", "H100", "--region", "EU", "--max-price", "30", "--ssh-key", "key.pub", ...extra];
const withKey = (env: Record<string, string> = {}) => fakeRuntime({ "key.pub": `${PUBLIC_KEY}\n` }, env);
const API = "http://127.0.0.1:4010";

const isProcure = (url: string) => new URL(url).pathname === "/procure_offer";
const procures = (sim: Simulator) => sim.requests.filter((request) => request.method === "POST" && request.path === "/procure_offer");

describe("cdesk up against an API it cannot reach", () => {
  it("a refused connection: stops after the client's retries instead of waiting out --timeout, names the URL, exit 1", async () => {
    let requests = 0;
    useFakeTime((url, init) => (requests++, refusingFetch(url, init)));
    const io = withKey();
    const startedAt = Date.now();

    expect(await cdeskOnFakeTime(up(), io.runtime)).toBe(1);

    expect(io.stderr()).toBe(
      `error: POST ${API}/get_offers failed: connection refused (ECONNREFUSED).\n` +
        "hint: Check the address (--base-url or CDESK_BASE_URL) and your connection.\n",
    );
    expect(requests).toBe(3); // one search, as the client tries it: three attempts
    expect(Date.now() - startedAt).toBeLessThan(5_000); // of the default 30m deadline
  });

  it("--json: the connection error as the cause, and the reason with the URL", async () => {
    useFakeTime(refusingFetch);
    const io = withKey();

    expect(await cdeskOnFakeTime(up("--json"), io.runtime)).toBe(1);

    expect(JSON.parse(io.stdout())).toMatchObject({
      error: { name: "AcquireError" },
      cause: { name: "CdeskConnectionError", method: "POST", path: "/get_offers" },
      reason: `POST ${API}/get_offers failed: connection refused (ECONNREFUSED).`,
      attempts: [],
    });
  });

  it("a connection that keeps failing until --timeout: the last connection error and how long it tried, exit 1", async () => {
    useFakeTime(resettingFetch);
    const io = withKey();

    expect(await cdeskOnFakeTime(up("--timeout", "1m"), io.runtime)).toBe(1);

    expect(io.stderr()).toBe(
      `error: POST ${API}/get_offers failed: connection reset (ECONNRESET).\n` +
        "hint: Check the address (--base-url or CDESK_BASE_URL) and your connection. It kept trying for 1m 00s (--timeout).\n",
    );
  });

  it("an API that answered once is asked again after a refused connection: a restart does not end it", async () => {
    let refusals = 4; // more than one status call's three attempts
    const { sim, env } = useSimulatedApi({}, (simFetch): FetchLike => (url, init) =>
      new URL(url).pathname.endsWith("/status") && refusals-- > 0 ? refusingFetch(url, init) : simFetch(url, init),
    );
    const io = withKey(env);

    expect(await cdeskOnFakeTime(up(), io.runtime)).toBe(0);

    expect(refusals).toBeLessThan(0);
    expect(procures(sim)).toHaveLength(1);
    expect(sim.state.resources.map((r) => r.status)).toEqual(["running"]);
  });
});

describe("cdesk up when a procure's outcome is unknown", () => {
  it("the answer is lost after the server procured: the status settles it, nothing is bought twice, and it ends ready", async () => {
    const { sim, env } = useSimulatedApi({ provisioningMs: 60_000 }, (simFetch) => cuttingAnswers(simFetch, isProcure));
    const io = withKey(env);

    expect(await cdeskOnFakeTime(up(), io.runtime)).toBe(0);

    expect(procures(sim)).toHaveLength(1);
    const [resource] = sim.state.resources;
    expect(sim.state.resources.map((r) => r.status)).toEqual(["running"]);
    const offerId = resource!.offer_history![0]!.offer_id;
    // The procure answer never came: the resource is known from the status, and kept.
    expect(io.stderr()).toMatch(new RegExp(`^\\[\\S+\\] procured: resources ${resource!.resource_id}$`, "m"));
    expect(io.stderr()).toMatch(new RegExp(`^✔ offer ${offerId} \\(.+\\) ready: 1/1 instances running$`, "m"));
    expect(io.stderr()).not.toContain("Cleaning up");
    expect(io.stdout()).toMatch(new RegExp(`^Resources:\\s+${resource!.resource_id}$`, "m"));
    expect(io.stderr()).toContain(`Release it with: cdesk down ${offerId} --wait`);
  });

  it("the answer is lost and the status cannot be read until --timeout: outcome unknown, never procured again, and the offer to check named", async () => {
    const { sim, env } = useSimulatedApi({ provisioningMs: 60_000 }, (simFetch) => cuttingAnswers(simFetch, isProcure));
    sim.failNext("GET /offers/{offer_id}/status", { status: 503, times: 10_000 });
    const io = withKey(env);

    expect(await cdeskOnFakeTime(up("--timeout", "5m"), io.runtime)).toBe(4);

    expect(procures(sim)).toHaveLength(1);
    const offerId = procures(sim)[0]!.body!.match(/"offer_id":"([^"]+)"/)![1]!;
    // The server did buy it; the CLI never saw a resource id, so it claims nothing about one.
    expect(sim.state.resources.map((r) => r.status)).toEqual(["running"]);
    expect(io.stderr()).toContain(`✖ offer ${offerId}: no resource found, but its procure may have gone through (\`cdesk status ${offerId}\`)\n`);
    expect(io.stderr()).toMatch(new RegExp(`^attempt 1: offer ${offerId} \\(.+\\) outcome unknown: .+; resources: none found$`, "m"));
    expect(io.stderr()).toMatch(/^error: Gave up after \d+m \d\ds\.$/m);
    expect(io.stderr()).toContain(
      `hint: Offer ${offerId} may have been bought: check with \`cdesk status ${offerId}\` before procuring again, or release it with \`cdesk down ${offerId} --wait\`.`,
    );
    expect(io.stderr()).not.toMatch(/^✔/m);

    // The command the hint gives releases what was bought.
    sim.failNext("reset");
    expect(await cdeskOnFakeTime(["down", offerId, "--wait"], fakeRuntime({}, env).runtime)).toBe(0);
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
  });
});

describe("cdesk up and its deadline", () => {
  it("--timeout passes while provisioning: cleans up the attempt, exit code 4", async () => {
    const { sim, env } = useSimulatedApi({ provisioningMs: 60 * 60_000 });
    const io = withKey(env);

    expect(await cdeskOnFakeTime(up("--timeout", "2m"), io.runtime)).toBe(4);

    const [resource] = sim.state.resources;
    expect(sim.state.resources.map((r) => r.status)).toEqual(["deleted"]);
    expect(io.stderr()).toMatch(new RegExp(`^attempt 1: .+ stopped: .+; resources: ${resource!.resource_id} deleted$`, "m"));
    expect(io.stderr()).toMatch(/^error: Gave up after 2m \d\ds\.$/m);
    expect(io.stderr()).toContain("hint: Nothing is left running: every resource it created is deleted.");
  });
});
