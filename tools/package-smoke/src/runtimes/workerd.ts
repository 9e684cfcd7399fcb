import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";
import { bundleEntry } from "./bundle.js";

/**
 * Before 2026-08-04 a worker without `nodejs_compat` has no `process` at all, which is the
 * environment the client must cope with (it reads `process.env` only where `process` exists).
 */
const compatibilityDate = "2026-07-01";

/**
 * The worker and its network: outbound fetches go through the `internet` service, which must
 * allow "local" (and "private") addresses to reach the servers on loopback.
 */
const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .lifecycleWorker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const lifecycleWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "${compatibilityDate}",
);
`;

/** A running workerd serving the lifecycle worker. */
export interface WorkerdLifecycle {
  /** POSTs the config to the worker, which runs the lifecycle and answers with its report. */
  run(config: LifecycleConfig): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/**
 * Bundles `lifecycle/worker.mjs` (with the `workerd` and `worker` export conditions, as
 * Cloudflare's tooling does), writes the config beside it and starts `workerd serve`. The port is
 * read from workerd's control channel (`--control-fd`), which reports each socket it listens on.
 */
export async function startWorkerd(workerd: string, consumerDir: string): Promise<WorkerdLifecycle> {
  const dir = await mkdtemp(join(tmpdir(), "cdesk-workerd-"));
  await writeFile(join(dir, "worker.js"), await bundleEntry("lifecycle/worker.mjs", consumerDir, ["workerd", "worker"]));
  await writeFile(join(dir, "config.capnp"), config);
  const child = spawn(workerd, ["serve", "config.capnp", "--control-fd=3"], { cwd: dir, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  let output = "";
  // Pipes for stdout, stderr and the control fd (stdio above), so none is null.
  const [stdout, stderr, control] = [child.stdio[1], child.stdio[2], child.stdio[3]] as Readable[] as [Readable, Readable, Readable];
  stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const port = await listenPort(control, exited, () => output);
    const url = `http://127.0.0.1:${port}/`;
    return {
      run: async (lifecycleConfig) => {
        const answer = await fetch(url, { method: "POST", body: JSON.stringify(lifecycleConfig) });
        const text = await answer.text();
        if (!answer.ok) throw new Error(`the worker answered ${answer.status}: ${text}\nworkerd output:\n${output}`);
        return JSON.parse(text) as Record<string, unknown>;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The port of the `http` socket, from workerd's JSON lines on the control fd; rejects if workerd exits first. */
function listenPort(control: Readable, exited: Promise<void>, output: () => string): Promise<number> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    control.setEncoding("utf8").on("data", (chunk: string) => {
      buffer += chunk;
      for (const line of buffer.split("\n").slice(0, -1)) {
        const event = JSON.parse(line) as { event?: string; socket?: string; port?: number };
        if (event.event === "listen" && event.socket === "http" && event.port) resolve(event.port);
      }
      buffer = buffer.slice(buffer.lastIndexOf("\n") + 1);
    });
    void exited.then(() => reject(new Error(`workerd exited before listening:\n${output()}`)));
  });
}
