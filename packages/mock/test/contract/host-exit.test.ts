import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, inject, test, vi } from "vitest";
import { isAlive } from "../support/api.js";
import { runNode } from "../support/child.js";

/** A host process that starts a mock, prints Prism's pid, then does `ending`. */
function startHost(ending: string) {
  const entry = pathToFileURL(join(inject("builtDir"), "index.js")).href;
  const script = `
    import { startMockServer } from ${JSON.stringify(entry)};
    const mock = await startMockServer();
    console.log("prism " + mock.prismPid);
    ${ending}
  `;
  return runNode(["--input-type=module", "-e", script]);
}

async function prismPidOf(host: ReturnType<typeof startHost>): Promise<number> {
  const pid = Number((await host.line(/^prism \d+$/)).split(" ")[1]);
  expect(isAlive(pid)).toBe(true);
  return pid;
}

// Prism's own shutdown takes a moment after its host is gone: poll until it has exited.
const untilDead = (pid: number) => vi.waitFor(() => expect(isAlive(pid)).toBe(false), { timeout: 15_000, interval: 50 });

describe("no Prism outlives the process that started it", () => {
  test.each(["SIGKILL", "SIGTERM", "SIGINT"] as const)("host killed by %s without close()", async (signal) => {
    const host = startHost("setInterval(() => {}, 1000);");
    const prismPid = await prismPidOf(host);
    host.process.kill(signal);
    expect(await host.exited).toBe(signal);
    await untilDead(prismPid);
  });

  test("host calling process.exit() without close()", async () => {
    const host = startHost("process.exit(3);");
    const prismPid = await prismPidOf(host);
    expect(await host.exited).toBe(3);
    await untilDead(prismPid);
  });

  test("host that closes the mock exits by itself: no handle is left open", async () => {
    const host = startHost("await mock.close(); console.log('closed');");
    const prismPid = await prismPidOf(host);
    expect(await host.exited).toBe(0);
    expect(host.stdout()).toContain("closed");
    expect(isAlive(prismPid)).toBe(false);
  });
});
