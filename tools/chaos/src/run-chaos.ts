/**
 * The resilience run: many lifecycles or acquisitions through the fault proxy, then the invariants
 * a user relies on. Layout: client -> fault proxy -> counting hop -> @cdesk/simulator (real port).
 */
import { createCdeskClient } from "@cdesk/client";
import type { AcquireAttempt } from "@cdesk/poller";
import { createSimulator } from "@cdesk/simulator/node";
import { unaccountedResources } from "./accounting.js";
import { runAcquisition } from "./acquisition.js";
import { startCountingHop } from "./counting-hop.js";
import type { FaultKind } from "./fault-plan.js";
import { startFaultProxy, STREAM_HEADER } from "./fault-proxy.js";
import { snapshotHandles } from "./leaked-handles.js";
import { runLifecycle } from "./lifecycle.js";
import { offerFailureFor } from "./offer-faults.js";
import { outcomeOf, SUCCESS } from "./outcome.js";

/** `lifecycle`: search, procureAndWait, delete, as a user would by hand. `acquire`: `acquire()` alone. */
export type ChaosMode = "lifecycle" | "acquire";

export interface ChaosOptions {
  /** Lifecycles (or acquisitions) to run. */
  runs: number;
  seed: number;
  /**
   * What each run does.
   * @default "lifecycle"
   */
  mode?: ChaosMode;
  /**
   * Runs in flight at once.
   * @default 8
   */
  concurrency?: number;
  /**
   * Share of requests the proxy breaks.
   * @default 0.2
   */
  faultRate?: number;
  /**
   * The client's `timeoutMs`; the proxy holds `slow` answers 300 ms longer than this.
   * @default 500
   */
  timeoutMs?: number;
}

export interface ChaosReport {
  seed: number;
  mode: ChaosMode;
  lifecycles: number;
  requests: number;
  faults: Readonly<Record<FaultKind, number>>;
  /** `success`, or the name of the error a run ended with. */
  outcomes: Record<string, number>;
  /** Offers the simulator made fail (acquire mode), by kind. */
  offerFaults: Record<string, number>;
  /** `POST /procure_offer` requests that reached the simulator, in all. */
  procuresAtSimulator: number;
  /** Offer ids the simulator received more than one procure request for: each is a duplicate purchase. */
  duplicateProcures: string[];
  /** Resources the simulator created that no report lists, or lists with a fate that is not true (acquire mode). */
  unaccountedResources: string[];
  unhandledRejections: string[];
  /** Handles still open after everything was closed, e.g. `TCPSocketWrap x2`. */
  leakedHandles: string[];
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { runs, seed, mode = "lifecycle", concurrency = 8, faultRate = 0.2, timeoutMs = 500 } = options;
  const unhandledRejections: string[] = [];
  const onUnhandled = (reason: unknown) => unhandledRejections.push(outcomeOf(reason));
  process.on("unhandledRejection", onUnhandled);
  const handlesLeftSince = snapshotHandles();

  // Real time, kept short: provisioning 150 ms, deletion 100 ms (deletion waits read with force_refresh).
  const sim = createSimulator({ seed, provisioningMs: 150, deletionMs: 100 });
  const offerFaults: Record<string, number> = {};
  if (mode === "acquire") {
    for (const kind of ["provisioning", "capacity", "procure"] as const) {
      sim.failOffer((offer) => {
        const fails = offerFailureFor(seed, offer.offer_id) === kind;
        if (fails) offerFaults[kind] = (offerFaults[kind] ?? 0) + 1;
        return fails;
      }, kind);
    }
  }
  const server = await sim.listen();
  const hop = await startCountingHop(server.url);
  const proxy = await startFaultProxy({ upstream: hop.url, seed, faultRate, slowMs: timeoutMs + 300 });
  const outcomes: Record<string, number> = {};
  const attempts: AcquireAttempt[] = [];
  try {
    let next = 0;
    const worker = async () => {
      for (let index = next++; index < runs; index = next++) {
        const cdesk = createCdeskClient({
          token: "chaos-token",
          baseUrl: proxy.url,
          timeoutMs,
          headers: { [STREAM_HEADER]: String(index) },
          logLevel: "off",
        });
        const wait = { intervalMs: 10, maxIntervalMs: 40, timeoutMs: 20_000 };
        let outcome: string;
        if (mode === "acquire") {
          const report = await runAcquisition(cdesk, wait);
          attempts.push(...report.attempts);
          outcome = report.outcome;
        } else {
          outcome = await runLifecycle(cdesk, wait).then(() => SUCCESS, outcomeOf);
        }
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, runs) }, worker));
  } finally {
    await proxy.close();
    await hop.close();
    await server.close();
  }
  const leakedHandles = await handlesLeftSince();
  process.off("unhandledRejection", onUnhandled);

  const procures = [...hop.procuresByOffer];
  return {
    seed,
    mode,
    lifecycles: runs,
    requests: proxy.requestCount(),
    faults: proxy.injected,
    outcomes,
    offerFaults,
    procuresAtSimulator: procures.reduce((sum, [, count]) => sum + count, 0),
    duplicateProcures: procures.filter(([, count]) => count > 1).map(([offerId, count]) => `${offerId} x${count}`),
    unaccountedResources: mode === "acquire" ? unaccountedResources(sim.state.resources, attempts) : [],
    unhandledRejections,
    leakedHandles,
  };
}
