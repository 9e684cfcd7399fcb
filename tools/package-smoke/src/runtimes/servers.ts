import { startMockServer } from "@cdesk/mock";
import { createSimulator } from "@cdesk/simulator/node";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";
import { startHangServer } from "./hang-server.js";

/** The servers every target runs the lifecycle against. */
export const serverNames = ["simulator", "prism"] as const;
export type ServerName = (typeof serverNames)[number];

/** What the runtime tests get from the global setup: one lifecycle config per server. */
export type LifecycleConfigs = Record<ServerName, LifecycleConfig>;

/** The per-attempt limit of the timeout case: the hang server never answers, so any value ends the same way. */
const timeoutMs = 200;

/**
 * Provisioning and deletion on the simulator's real clock: short, so a lifecycle takes about a
 * second, but long enough that the poller sees the states in between.
 */
const simulatorTiming = { provisioningMs: 300, deletionMs: 200 };

/**
 * Starts, once for the whole run: the simulator on a port (stateful: each run searches, so it
 * procures an offer of its own), the Prism mock with its `lifecycle` scenario (procure, poll
 * until ready, delete, poll until deleted), and the hang server. Every target shares them: the
 * report only holds what each run must see whatever ran before or beside it. Servers come from
 * the workspace: what each runtime tests is the client and the poller, from the tarballs.
 */
export async function startLifecycleServers(): Promise<{ configs: LifecycleConfigs; close(): Promise<void> }> {
  const [simulator, prism, hang] = await Promise.all([
    createSimulator(simulatorTiming).listen({ port: 0 }),
    startMockServer({ port: 0, scenario: "lifecycle" }),
    startHangServer(),
  ]);
  const config = (baseUrl: string): LifecycleConfig => ({ baseUrl, token: "runtime-matrix-token", hangUrl: hang.url, timeoutMs });
  return {
    configs: { simulator: config(simulator.url), prism: config(prism.url) },
    close: async () => {
      await Promise.all([simulator.close(), prism.close(), hang.close()]);
    },
  };
}

/** What every target must report, on every server (see fixtures/consumer/lifecycle/lifecycle.mjs). */
export const expectedLifecycleReport = {
  catalogHasH100: true,
  searchObjectFindsH100: true,
  searchYamlFindsH100: true,
  procuredOffer: true,
  ready: "ready",
  readyWasPolled: true,
  sshCommand: true,
  listsItsResources: true,
  deleteAccepted: true,
  deleted: true,
  notFound: "NotFoundError 404",
  unauthorized: "AuthenticationError 401",
  unprocessable: "UnprocessableEntityError 422 body.compute.gpu_count",
  invalidInput: "CdeskInputError compute.gpu_count minimum, 0 requests sent",
  aborted: "CdeskAbortError, cause is the signal's reason",
  timedOut: `CdeskTimeoutError after ${timeoutMs} ms per attempt, 2 attempts`,
};
