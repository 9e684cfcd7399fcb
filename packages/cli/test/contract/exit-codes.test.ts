import { describe, expect, inject, it } from "vitest";
import { cliEnv, finished, runCli, startCli } from "../support/cli.js";
import { freshId } from "../support/ids.js";
import { PUBLIC_KEY, tempFile } from "../support/keys.js";

const env = (extra?: Record<string, string | undefined>) => cliEnv(inject("lifecycleUrl"), extra);

describe("exit code 2: usage errors, before anything is sent", () => {
  it.each([
    [["offers", "--count", "0"], "option '--count <n>' argument '0' is invalid. Expected a whole number of 1 or more."],
    [["offers", "--region", "EU"], "Say which GPU you need with --gpu"],
    [["offers", "-f", "q.yaml", "--gpu", "H100"], "option '-f, --file <query.yaml>' cannot be used with option '--gpu <type>'"],
    [["procure", "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11"], "required option '--ssh-key <file>' not specified"],
    [["procure", "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11", "--ssh-key", "/no/such.pub"], "Cannot read --ssh-key /no/such.pub: ENOENT"],
    [["status", "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11", "--wait", "--interval", "soon"], "Expected a positive duration"],
    [["offer", "not-an-id"], 'Invalid offer_id: must be a UUID'],
    [["launch"], "unknown command 'launch'"],
  ])("cdesk %j", async (args, message) => {
    const { code, stdout, stderr } = await runCli(args, env());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toContain(message);
  });

  it("a missing token says how to set one", async () => {
    const { code, stderr } = await runCli(["gpus"], env({ CDESK_API_TOKEN: undefined }));
    expect(code).toBe(2);
    expect(stderr).toBe(
      "error: No API token.\nhint: Set CDESK_API_TOKEN=<your token>, or pass --token-file <file> (a file holding only the token).\n",
    );
  });

  it("--token-file replaces the variable", async () => {
    const tokenFile = await tempFile("token", "from-a-file\n");
    const { code } = await runCli(["--token-file", tokenFile, "regions"], env({ CDESK_API_TOKEN: undefined }));
    expect(code).toBe(0);
  });
});

describe("exit code 1: the API said no, or could not be reached", () => {
  it("401: status, reason, and a hint about the token, which is never printed", async () => {
    const { code, stderr } = await runCli(
      ["gpus", "-H", "Prefer: code=401"],
      env({ CDESK_API_TOKEN: "secret-token-do-not-print" }),
    );
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 401 Unauthorized: Not authenticated \(GET \/available_gpus/);
    expect(stderr).toContain("hint: The API did not accept the token.");
    expect(stderr).not.toContain("secret-token-do-not-print");
  });

  it("404: names what was not found", async () => {
    const { code, stderr } = await runCli(["offer", freshId(), "-H", "Prefer: code=404"], env());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 404 Not Found: Offer not found \(GET \/offers\/\{offer_id\}/);
    expect(stderr).toContain("hint: Check the id: `cdesk offers` lists current offers.");
  });

  it("410 on procure: the offer expired, search again", async () => {
    const keyFile = await tempFile("key.pub", PUBLIC_KEY);
    const { code, stderr } = await runCli(["procure", freshId(), "--ssh-key", keyFile, "-H", "Prefer: code=410"], env());
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error: 410 Gone: Offer \S+ has expired/);
    expect(stderr).toContain("search again with `cdesk offers`");
  });

  it("no server at the address: a connection error with where to look", async () => {
    const { code, stderr } = await runCli(["regions"], cliEnv("http://127.0.0.1:9", { CDESK_API_TOKEN: "t" }));
    expect(code).toBe(1);
    expect(stderr).toContain("hint: Check the address (--base-url or CDESK_BASE_URL)");
  });
});

describe("exit codes 3, 4 and 130: waits that do not end ready", () => {
  it("3 when provisioning fails, with the server's reason", async () => {
    const { code, stderr } = await runCli(
      ["status", freshId(), "--wait", "--interval", "50ms"],
      cliEnv(inject("failingUrl")),
    );
    expect(code).toBe(3);
    expect(stderr).toContain("error: Provisioning failed: Vendor capacity exhausted in eu-north1: no H100 available");
    expect(stderr).toContain("Search again with `cdesk offers`");
  });

  it("3 when the procure call itself answers failed, after printing its answer", async () => {
    const keyFile = await tempFile("key.pub", PUBLIC_KEY);
    const { code, stdout, stderr } = await runCli(
      ["procure", freshId(), "--ssh-key", keyFile, "-H", "Prefer: example=failed"],
      env(),
    );
    expect(code).toBe(3);
    expect(stdout).toMatch(/^Status:\s+failed$/m);
    expect(stderr).toContain("error: Provisioning failed: Vendor rejected the request: quota exceeded for H100 in eu-north1");
  });

  it("4 when --timeout passes first, with how to resume", async () => {
    const offerId = freshId();
    const { code, stderr } = await runCli(["status", offerId, "--wait", "--interval", "1h", "--timeout", "300ms"], env());
    expect(code).toBe(4);
    expect(stderr).toMatch(/error: Gave up waiting after \d+s \(last seen: provisioning started\)\./);
    expect(stderr).toContain(`Resume with: cdesk status ${offerId} --wait`);
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
    expect(stderr).toContain("error: Interrupted: stopped waiting.");
    expect(stderr).toContain(`hint: Resume with: cdesk status ${offerId} --wait`);
  });
});
