import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, inject, test, vi } from "vitest";
import { isAlive } from "../support/api.js";
import { runNode } from "../support/child.js";

let hostTmp: string;
afterEach(() => rm(hostTmp, { recursive: true, force: true }));

/** A host process (with a private $TMPDIR) that starts a mock, prints Prism's pid, then does `ending`. */
async function startHost(ending: string) {
  hostTmp = await mkdtemp(join(tmpdir(), "cdesk-mock-host-"));
  const entry = pathToFileURL(join(inject("builtDir"), "index.js")).href;
  const script = `
    import { startMockServer } from ${JSON.stringify(entry)};
    const mock = await startMockServer();
    console.log("prism " + mock.prismPid);
    ${ending}
  `;
  return runNode(["--input-type=module", "-e", script], { ...process.env, TMPDIR: hostTmp });
}

async function prismPidOf(host: Awaited<ReturnType<typeof startHost>>): Promise<number> {
  const pid = Number((await host.line(/^prism \d+$/)).split(" ")[1]);
  expect(isAlive(pid)).toBe(true);
  return pid;
}

/** Nothing of the mock is left in the host's $TMPDIR. */
const tmpLeftovers = () => readdir(hostTmp);

// Prism's own shutdown takes a moment after its host is gone: poll until it has exited.
const untilDead = (pid: number) => vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 15_000, interval: 50 });

describe("no Prism and no temporary file outlive the process that started it", () => {
  test.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)("host killed by %s without close()", async (signal) => {
    const host = await startHost("setInterval(() => {}, 1000);");
    const prismPid = await prismPidOf(host);
    // While it runs, the mock keeps Prism's copy of the spec there.
    expect(await readdir(hostTmp)).toEqual([expect.stringMatching(/^cdesk-mock-/)]);
    host.process.kill(signal);
    expect(await host.exited).toBe(signal);
    await untilDead(prismPid);
    expect(await tmpLeftovers()).toEqual([]);
  });

  test("host calling process.exit() without close()", async () => {
    const host = await startHost("process.exit(3);");
    const prismPid = await prismPidOf(host);
    expect(await host.exited).toBe(3);
    await untilDead(prismPid);
    expect(await tmpLeftovers()).toEqual([]);
  });

  test("host that closes the mock exits by itself: no handle is left open", async () => {
    const host = await startHost("await mock.close(); console.log('closed');");
    const prismPid = await prismPidOf(host);
    expect(await host.exited).toBe(0);
    expect(host.stdout()).toContain("closed");
    expect(isAlive(prismPid)).toBe(false);
    expect(await tmpLeftovers()).toEqual([]);
  });
});
