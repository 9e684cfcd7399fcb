import { startMockServer } from "@cdesk/mock";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";
import { type HangServer, startHangServer } from "./hang-server.js";

/** The servers every target runs the lifecycle against. */
export const serverNames = ["prism"] as const;
export type ServerName = (typeof serverNames)[number];

/** What one test file starts once: each server, and the never-answering one for timeouts. */
export interface LifecycleServers {
  configFor(server: ServerName): LifecycleConfig;
  hang: HangServer;
  close(): Promise<void>;
}

/** The per-attempt limit of the timeout case: the hang server never answers, so any value ends the same way. */
const timeoutMs = 200;

/**
 * Starts the Prism mock with its `lifecycle` scenario (procure, poll until ready, delete, poll
 * until deleted) and the hang server. Servers come from the workspace: what each runtime tests
 * is the client and the poller, from the tarballs.
 */
export async function startLifecycleServers(): Promise<LifecycleServers> {
  const [prism, hang] = await Promise.all([startMockServer({ port: 0, scenario: "lifecycle" }), startHangServer()]);
  const baseUrls: Record<ServerName, string> = { prism: prism.url };
  return {
    configFor: (server) => ({ baseUrl: baseUrls[server], token: "runtime-matrix-token", hangUrl: hang.url, timeoutMs }),
    hang,
    close: async () => {
      await Promise.all([prism.close(), hang.close()]);
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
