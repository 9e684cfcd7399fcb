/**
 * The resilience run: many lifecycles through the fault proxy, then the invariants a user relies
 * on. Layout: client -> fault proxy -> counting hop -> mock (Prism, `lifecycle` scenario).
 */
import { createCdeskClient } from "@cdesk/client";
import { startMockServer } from "@cdesk/mock";
import { startCountingHop } from "./counting-hop.js";
import type { FaultKind } from "./fault-plan.js";
import { startFaultProxy, STREAM_HEADER } from "./fault-proxy.js";
import { snapshotHandles } from "./leaked-handles.js";
import { lifecycleOfferId, runLifecycle } from "./lifecycle.js";
import { outcomeOf, SUCCESS } from "./outcome.js";

export interface ChaosOptions {
  /** Lifecycles to run. */
  runs: number;
  seed: number;
  /**
   * Lifecycles in flight at once.
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
  lifecycles: number;
  requests: number;
  faults: Readonly<Record<FaultKind, number>>;
  /** `success`, or the name of the error a lifecycle ended with. */
  outcomes: Record<string, number>;
  /** `POST /procure_offer` requests that reached the mock, in all. */
  procuresAtMock: number;
  /** Offer ids the mock received more than one procure request for: each is a duplicate purchase. */
  duplicateProcures: string[];
  unhandledRejections: string[];
  /** Handles still open after everything was closed, e.g. `TCPSocketWrap x2`. */
  leakedHandles: string[];
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { runs, seed, concurrency = 8, faultRate = 0.2, timeoutMs = 500 } = options;
  const unhandledRejections: string[] = [];
  const onUnhandled = (reason: unknown) => unhandledRejections.push(outcomeOf(reason));
  process.on("unhandledRejection", onUnhandled);
  const handlesLeftSince = snapshotHandles();

  const mock = await startMockServer({ scenario: "lifecycle" });
  const hop = await startCountingHop(mock.url);
  const proxy = await startFaultProxy({ upstream: hop.url, seed, faultRate, slowMs: timeoutMs + 300 });
  const outcomes: Record<string, number> = {};
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
        const wait = { intervalMs: 5, maxIntervalMs: 20, timeoutMs: 20_000 };
        const outcome = await runLifecycle(cdesk, lifecycleOfferId(seed, index), wait).then(() => SUCCESS, outcomeOf);
        outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, runs) }, worker));
  } finally {
    await proxy.close();
    await hop.close();
    await mock.close();
  }
  const leakedHandles = await handlesLeftSince();
  process.off("unhandledRejection", onUnhandled);

  const procures = [...hop.procuresByOffer];
  return {
    seed,
    lifecycles: runs,
    requests: proxy.requestCount(),
    faults: proxy.injected,
    outcomes,
    procuresAtMock: procures.reduce((sum, [, count]) => sum + count, 0),
    duplicateProcures: procures.filter(([, count]) => count > 1).map(([offerId, count]) => `${offerId} x${count}`),
    unhandledRejections,
    leakedHandles,
  };
}
