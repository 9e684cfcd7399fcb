import { inject } from "vitest";
import type { LifecycleConfig } from "../../fixtures/consumer/lifecycle/lifecycle.mjs";
import { hangRequestsCancelled } from "./hang-server.js";
import { type ServerName, serverNames } from "./servers.js";

/** The config that points a lifecycle run at `server` (started by the global setup). */
export function configFor(server: ServerName): LifecycleConfig {
  return inject("lifecycle")[server];
}

/** Resolves once no timed-out request to the hang server is left open by any client. */
export function timedOutRequestsClosed(): Promise<void> {
  return hangRequestsCancelled(inject("lifecycle").prism.hangUrl);
}

/** `[label, server]` rows crossing each label with each server, for `it.each`. */
export function againstEachServer<T extends string>(labels: readonly T[]): [T, ServerName][] {
  return labels.flatMap((label) => serverNames.map((server) => [label, server] as [T, ServerName]));
}
