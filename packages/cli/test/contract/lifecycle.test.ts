import { beforeAll, describe, expect, inject, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";
import { EXAMPLE_RESOURCE_ID, freshId } from "../support/ids.js";
import { PUBLIC_KEY, tempFile } from "../support/keys.js";

// The lifecycle mock steps each offer id through provisioning_started, provisioning_in_progress
// and ready; each resource id through running, then deleting and deleted once DELETE was sent.
const env = () => cliEnv(inject("lifecycleUrl"));
const FAST = ["--interval", "1s"];

let keyFile: string;
beforeAll(async () => {
  keyFile = await tempFile("id_ed25519.pub", `${PUBLIC_KEY}\n`);
});

describe("procure", () => {
  it("without --wait: prints the procurement and how to follow it", async () => {
    const offerId = freshId();
    const { code, stdout, stderr } = await runCli(["procure", offerId, "--ssh-key", keyFile], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Status:\s+provisioning_in_progress$/m);
    expect(stdout).toMatch(new RegExp(`^Resources:\\s+${EXAMPLE_RESOURCE_ID}$`, "m"));
    expect(stderr).toContain(`Follow it with: cdesk status ${offerId} --wait`);
  });

  it("--wait: shows every stage on stderr, then the ready status and the ssh command", async () => {
    const offerId = freshId();
    const { code, stdout, stderr } = await runCli(["procure", offerId, "--ssh-key", keyFile, "--wait", ...FAST], env());
    expect(code).toBe(0);
    const stages = stderr.split("\n").filter((line) => line.startsWith("["));
    expect(stages.map((line) => line.replace(/^\[\S+\] /, ""))).toEqual([
      "provisioning started: Waiting for the vendor to accept the request",
      "provisioning in progress: 0/1 instances running",
      "ready: 1/1 instances running",
    ]);
    expect(stderr).toContain("Connect with: ssh root@203.0.113.10");
    expect(stdout).toMatch(/^Stage:\s+ready$/m);
    expect(stdout).toMatch(/^1\s+running\s+203\.0\.113\.10\s+ssh root@203\.0\.113\.10$/m);
  });

  it("--wait --json: prints the procurement and the ready status as JSON, stages still on stderr", async () => {
    const { code, stdout, stderr } = await runCli(
      ["procure", freshId(), "--ssh-key", keyFile, "--wait", "--json", ...FAST],
      env(),
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      procurement: { status: "provisioning_in_progress" },
      status: { procurement_status: "ready", instances: [{ ssh_command: "ssh root@203.0.113.10" }] },
    });
    expect(stderr).toContain("ready: 1/1 instances running");
  });
});

describe("status", () => {
  it("without --wait: one look at the current stage", async () => {
    const { code, stdout } = await runCli(["status", freshId()], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Stage:\s+provisioning started$/m);
    expect(stdout).toMatch(/^Progress:\s+Waiting for the vendor to accept the request$/m);
  });

  it("--wait --json: the ready status once it is ready", async () => {
    const { code, stdout } = await runCli(["status", freshId(), "--wait", "--json", ...FAST], env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ procurement_status: "ready" });
  });
});

describe("delete", () => {
  it("without --wait: deletion started", async () => {
    const { code, stdout } = await runCli(["delete", freshId()], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Status:\s+deleting$/m);
    expect(stdout).toMatch(/^Message:\s+Resource deletion initiated$/m);
  });

  it("--wait: follows deleting to deleted", async () => {
    const { code, stdout, stderr } = await runCli(["delete", freshId(), "--wait", ...FAST], env());
    expect(code).toBe(0);
    expect(stderr).toContain("deleting: Terminating instance on vendor");
    expect(stderr).toContain("deleted: Instance terminated");
    expect(stdout).toMatch(/^Status:\s+deleted$/m);
  });

  it("--wait --json: the deletion answer and the deleted resource", async () => {
    const { code, stdout } = await runCli(["delete", freshId(), "--force", "--wait", "--json", ...FAST], env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ deletion: { status: "deleting" }, resource: { status: "deleted" } });
  });
});
