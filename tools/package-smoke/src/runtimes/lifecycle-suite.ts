import { afterAll, beforeAll } from "vitest";
import { type LifecycleServers, serverNames, startLifecycleServers } from "./servers.js";

/**
 * Starts the servers for the calling test file (once, before its tests) and stops them after;
 * returns a getter, since they exist only once `beforeAll` has run.
 */
export function useLifecycleServers(): () => LifecycleServers {
  let servers: LifecycleServers | undefined;
  beforeAll(async () => {
    servers = await startLifecycleServers();
  });
  afterAll(async () => {
    await servers?.close();
  });
  return () => {
    if (!servers) throw new Error("the lifecycle servers are not started (call useLifecycleServers at the top of the file)");
    return servers;
  };
}

/** `[label, server]` rows crossing each label with each server, for `it.each`. */
export function againstEachServer<T extends string>(labels: readonly T[]): [T, (typeof serverNames)[number]][] {
  return labels.flatMap((label) => serverNames.map((server) => [label, server] as [T, (typeof serverNames)[number]]));
}
