import { describe, expect, inject, it } from "vitest";
import { cliEnv, finished, runCli, startCli } from "../support/cli.js";
import { refusedUrl, startTestServer } from "../support/http-server.js";
import { freshId } from "../support/ids.js";
import { PUBLIC_KEY, tempFile } from "../support/keys.js";
import { procuredOffer, startSimulator } from "../support/simulator.js";

const env = (extra?: Record<string, string | undefined>) => cliEnv(inject("lifecycleUrl"), extra);
const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
const FORMS = "a number with a unit: 500ms, 30s, 5m, 1h or 1h30m";

describe("exit code 2: usage errors, before anything is sent or shown", () => {
  it.each([
    [["offers", "--count", "0"], "option '--count <n>' argument '0' is invalid. Expected a whole number of 1 or more, e.g. 8."],
    [["offers", "--gpu", "H100", "--count", "0x10"], "argument '0x10' is invalid. Expected a whole number of 1 or more"],
    [["offers", "--region", "EU"], "Say which GPU you need with --gpu"],
    [["offers", "-f", "q.yaml", "--gpu", "H100"], "option '-f, --file <query.yaml>' cannot be used with option '--gpu <type>'"],
    [["procure", OFFER_ID], "required option '--ssh-key <file>' not specified"],
    [["procure", OFFER_ID, "--ssh-key", "/no/such.pub"], "Cannot read --ssh-key /no/such.pub: ENOENT"],
    [["status", OFFER_ID, "--wait", "--interval", "5"], `argument '5' is invalid. A duration needs a unit: expected ${FORMS}, got "5".`],
    [["status", OFFER_ID, "--wait", "--interval", "soon"], `Not a duration: expected ${FORMS}`],
    [["status", OFFER_ID, "--wait", "--interval", "0.4ms"], "The interval must be at least 1s, e.g. 5s"],
    [["status", OFFER_ID, "--wait", "--timeout", "999999h"], "The timeout must be from 1s to 24h, e.g. 10m."],
    [["offer", "not-an-id"], "Invalid offer_id: must be a UUID"],
    [["launch"], "unknown command 'launch'"],
  ])("cdesk %j", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
    // No option of the SDK leaks into the words, and nothing started waiting.
    expect(stderr).not.toMatch(/intervalMs|timeoutMs|Waiting/);
  });

  it("plain http to another host needs --allow-insecure-http, in the CLI's words", async () => {
    const { code, stderr } = await runCli(["regions"], cliEnv("http://api.example.invalid"));
    expect(code).toBe(2);
    expect(stderr).toMatch(/^error: Refusing to send the (API )?token over plain http to api\.example\.invalid: use https, or pass --allow-insecure-http/);
    expect(stderr).not.toContain("allowInsecureHttp");
  });

  it("a port fetch refuses is named, and not retried", async () => {
    const { code, stderr } = await runCli(["regions", "--verbose"], cliEnv("http://127.0.0.1:9"));
    expect(code).toBe(2);
    expect(stderr).toContain("error: fetch refuses to connect to port 9 of 127.0.0.1:9 (a blocked port).\nhint: Use another port in --base-url");
    expect(stderr).not.toContain("retrying");
  });
});

describe("exit code 5: no token, or the API refused it", () => {
  it("a missing token says how to set one", async () => {
    const { code, stderr } = await runCli(["gpus"], env({ CDESK_API_TOKEN: undefined }));
    expect(code).toBe(5);
    expect(stderr).toBe(
      "error: No API token.\nhint: Run `cdesk auth login`, set CDESK_API_TOKEN=<your token>, or pass --token-file <file> (a file holding only the token).\n",
    );
  });

  it("--token-file replaces the variable", async () => {
    const tokenFile = await tempFile("token", "from-a-file\n");
    const { code } = await runCli(["--token-file", tokenFile, "regions"], env({ CDESK_API_TOKEN: undefined }));
    expect(code).toBe(0);
  });

  it("401: status, reason, and a hint about the token, which is never printed", async () => {
    const { code, stderr } = await runCli(["gpus", "-H", "Prefer: code=401"], env({ CDESK_API_TOKEN: "secret-token-do-not-print" }));
    expect(code).toBe(5);
    expect(stderr).toMatch(/^error: 401 Unauthorized: Not authenticated \(GET \/available_gpus/);
    expect(stderr).toContain("hint: The API did not accept the token.");
    expect(stderr).not.toContain("secret-token-do-not-print");
  });

  it("403: the token is valid but may not do this", async () => {
    const server = await startTestServer(() => ({ status: 403, json: { detail: "Not allowed for this team" } }));
    const { code, stderr } = await runCli(["resources"], cliEnv(server.url));
    expect(code).toBe(5);
    expect(stderr).toMatch(/^error: 403 Forbidden: Not allowed for this team \(GET \/resources\)\nhint: The token is valid but may not do this/);
  });
});

describe("exit code 1: the API said no, could not be reached, or sent an unusable answer", () => {
  it("404 on a route with an id: check the id", async () => {
    const { code, stderr } = await runCli(["offer", freshId(), "-H", "Prefer: code=404"], env());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 404 Not Found: Offer not found \(GET \/offers\/\{offer_id\}/);
    expect(stderr).toContain("hint: Check the id: `cdesk offers` lists current offers.");
  });

  it("404 on a route without an id: the address is wrong, not an id", async () => {
    const { code, stderr } = await runCli(["gpus"], cliEnv(`${inject("lifecycleUrl")}/v2`));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 404 Not Found.*\(GET \/available_gpus/);
    expect(stderr).toContain("hint: The API has no such route here: check --base-url or CDESK_BASE_URL");
    expect(stderr).not.toContain("Check the id");
  });

  it("no server at the address: names the URL tried, without the client's log lines", async () => {
    const url = await refusedUrl();
    const { code, stderr } = await runCli(["regions"], cliEnv(url));
    expect(code).toBe(1);
    expect(stderr).toBe(
      `error: GET ${url}/available_regions failed: connection refused (ECONNREFUSED).\n` +
        "hint: Check the address (--base-url or CDESK_BASE_URL) and your connection.\n",
    );
  });

  it("a procure whose outcome is unknown gets one hint, with the real offer id", async () => {
    const keyFile = await tempFile("key.pub", PUBLIC_KEY);
    const server = await startTestServer(() => ({ status: 502, json: { detail: "upstream vendor timed out" } }));
    const { code, stderr } = await runCli(["procure", OFFER_ID, "--ssh-key", keyFile, "--wait"], cliEnv(server.url));
    expect(code).toBe(1);
    expect(stderr).toContain("error: 502 Bad Gateway: upstream vendor timed out (POST /procure_offer)");
    expect(stderr.match(/hint:/g)).toHaveLength(1);
    expect(stderr).toContain(`hint: The procurement may have gone through: check with \`cdesk status ${OFFER_ID}\` before procuring again.`);
    expect(stderr).not.toMatch(/offers\.status|<offer-id>|Resume/);
    expect(server.requests.filter((request) => request.method === "POST")).toHaveLength(1);
  });

  it("410 on procure: the offer expired, search again", async () => {
    const keyFile = await tempFile("key.pub", PUBLIC_KEY);
    const { code, stderr } = await runCli(["procure", freshId(), "--ssh-key", keyFile, "-H", "Prefer: code=410"], env());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 410 Gone: Offer \S+ has expired/);
    expect(stderr).toContain("search again with `cdesk offers`");
  });

  it("an answer of the wrong shape: one error line, never ✔ ready first", async () => {
    const server = await startTestServer(() => ({ json: { offer_id: OFFER_ID, procurement_status: "ready", instances: "none" } }));
    const { code, stdout, stderr } = await runCli(["status", OFFER_ID, "--wait"], cliEnv(server.url));
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).not.toContain("✔");
    expect(stderr.split("\n").filter((line) => line.startsWith("error:"))).toHaveLength(1);
  });
});

describe("server text reaches the terminal without escape sequences", () => {
  const ESC = "\u001b";
  it("in tables, progress lines, the ssh hint and error lines", async () => {
    const hostile = `${ESC}[2J${ESC}]0;owned\u0007`;
    const server = await startTestServer(({ path }) =>
      path.startsWith("/resources")
        ? { status: 404, json: { detail: `Resource gone${hostile}\nreally` } }
        : {
            json: {
              offer_id: OFFER_ID,
              procurement_status: "ready",
              progress: `all done${hostile}`,
              instances: [{ status: `running${hostile}`, external_ip: "203.0.113.10", ssh_command: `ssh root@203.0.113.10${ESC}[8m; rm -rf ~` }],
            },
          },
    );
    const status = await runCli(["status", OFFER_ID, "--wait"], cliEnv(server.url));
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^1\s+running\s+203\.0\.113\.10\s+ssh root@203\.0\.113\.10; rm -rf ~$/m);
    expect(status.stderr).toContain("Connect with: ssh root@203.0.113.10; rm -rf ~");
    const missing = await runCli(["resource", freshId()], cliEnv(server.url));
    expect(missing.stderr).toMatch(/^error: 404 Not Found: Resource gone really /);
    for (const output of [status.stdout, status.stderr, missing.stderr]) expect(output).not.toContain(ESC);
  });
});

describe("exit codes 3, 4 and 130: commands that do not end well", () => {
  it("3 when provisioning fails, with the server's reason", async () => {
    const { sim, url } = await startSimulator();
    sim.failOffer(() => true, "capacity");
    const { offerId } = await procuredOffer(sim);
    const { code, stderr } = await runCli(["status", offerId, "--wait", "--interval", "1s"], cliEnv(url));
    expect(code).toBe(3);
    expect(stderr).toMatch(/^error: Provisioning failed: Vendor capacity exhausted in \S+: no H100 available/m);
    expect(stderr).toContain("Search again with `cdesk offers`");
  });

  it("3 when the procure call itself answers failed, after printing its answer", async () => {
    const keyFile = await tempFile("key.pub", PUBLIC_KEY);
    const { code, stdout, stderr } = await runCli(["procure", freshId(), "--ssh-key", keyFile, "-H", "Prefer: example=failed"], env());
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Status:\s+failed$/m);
    expect(stderr).toContain("error: Provisioning failed: Vendor rejected the request: quota exceeded for H100 in eu-north1");
  });

  // The one deadline the bin itself must show: a socket still open to a server that never answers
  // does not keep the process alive. The other deadlines run in-process on fake time (src/**/*.test.ts).
  it("4 when --timeout passes during a single request: it is not retried past the deadline, and the process ends", async () => {
    const server = await startTestServer(() => "hang");
    const { code, stderr } = await runCli(["gpus", "--timeout", "1s"], cliEnv(server.url));
    expect(code).toBe(4);
    expect(stderr).toBe("error: Gave up after 1s.\nhint: A longer --timeout waits more.\n");
    expect(server.requests).toHaveLength(1);
  });

  it("130 on Ctrl-C during a wait, saying how to resume", async () => {
    const offerId = freshId();
    const child = startCli(["status", offerId, "--wait", "--interval", "1h"], env());
    const result = finished(child);
    // Interrupt once the first stage is on screen, i.e. while the wait sleeps until the next check.
    await new Promise<void>((resolve) => {
      child.stderr?.on("data", (chunk: Buffer | string) => {
        if (String(chunk).includes("provisioning started")) resolve();
      });
    });
    child.kill("SIGINT");
    const { code, stderr } = await result;
    expect(code).toBe(130);
    expect(stderr).toContain("error: Interrupted.");
    expect(stderr).toContain(`hint: Resume with: cdesk status ${offerId} --wait`);
  });
});
