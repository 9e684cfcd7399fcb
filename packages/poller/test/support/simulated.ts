import { type FetchLike, createCdeskClient } from "@cdesk/client";
import { type Simulator, type SimulatorOptions, createSimulator } from "@cdesk/simulator";
import { runToEnd } from "./scripted-client.js";

export const SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";

/**
 * A simulator on a manual clock and a real client talking to it in-process (no socket). Call it
 * inside a test, after the fake clock started, so the simulator's clock starts at the fake `Date.now()`.
 */
export function simulated(options: SimulatorOptions = {}, wrapFetch?: (simFetch: FetchLike) => FetchLike) {
  const sim = createSimulator({ seed: 7, clock: "manual", provisioningMs: 60_000, deletionMs: 20_000, token: "test-token", ...options });
  const cdesk = createCdeskClient({ token: "test-token", baseUrl: sim.url, fetch: wrapFetch ? wrapFetch(sim.fetch) : sim.fetch, logLevel: "off" });
  return { sim, cdesk };
}

/**
 * Settles `promise` while fake timers run, moving the simulator's clock by exactly as much as the
 * fake one: provisioning, deletion and expiry then happen in step with the poller's waits, and no
 * test waits in real time. Returns the outcome without throwing.
 */
export function runWithSimulator<T>(sim: Simulator, promise: Promise<T>): Promise<{ value: T } | { error: unknown }> {
  return runToEnd(promise, (ms) => sim.advance(ms));
}
