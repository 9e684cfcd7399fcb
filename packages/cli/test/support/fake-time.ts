import type { FetchLike } from "@cdesk/client";
import { createSimulator, type Simulator, type SimulatorOptions } from "@cdesk/simulator";
import { expect, onTestFinished, vi } from "vitest";
import type { ClientFactory } from "../../src/context.js";
import { run } from "../../src/run.js";
import type { Runtime } from "../../src/runtime.js";

/**
 * Fake timers and `Date` until the test ends, and `fetch` answered by `answer` instead of the
 * network (the CLI's client looks up `globalThis.fetch` at each request). A --timeout, an
 * --interval or a retry pause of the client then passes at once, however slow the machine.
 */
export function useFakeTime(answer: FetchLike): void {
  vi.useFakeTimers();
  vi.stubGlobal("fetch", answer);
  onTestFinished(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });
}

/**
 * The stateful simulator, in-process, as the API on fake time: its clock is the fake `Date`, so
 * provisioning and deletion move on as the CLI's waits pass. `wrap` puts faults between the two.
 */
export function useSimulatedApi(options: SimulatorOptions = {}, wrap: (fetch: FetchLike) => FetchLike = (fetch) => fetch) {
  let answer: FetchLike | undefined;
  useFakeTime((url, init) => answer!(url, init));
  // Made once the clock is fake, so its offers are created and expire on that clock.
  const sim: Simulator = createSimulator({ clock: "real", provisioningMs: 0, deletionMs: 0, ...options });
  answer = wrap(sim.fetch);
  return { sim, env: { CDESK_BASE_URL: sim.url } };
}

/**
 * Runs `cdesk ...args` in-process, letting fake time pass timer by timer until it exits, and
 * returns its exit code. A command that is done leaves no timer behind.
 */
export async function cdeskOnFakeTime(args: string[], runtime: Runtime, makeClient?: ClientFactory): Promise<number> {
  let code: number | undefined;
  void run(["node", "cdesk", ...args], runtime, makeClient).then((exit) => (code = exit));
  while (code === undefined) await vi.advanceTimersToNextTimerAsync();
  expect(vi.getTimerCount()).toBe(0);
  return code;
}
