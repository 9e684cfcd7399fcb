import type { OfferStatus, Procurement } from "../client.js";
import { WaitTimeoutError } from "../errors.js";
import { poll } from "../poll.js";
import { MAX_TIMER_MS } from "../schedule.js";
import { type AttemptContext, type AttemptEnd, runAttempt } from "./attempt.js";
import { isExpiring, selectCandidates } from "./candidates.js";
import { cleanUp, resourcesOf } from "./cleanup.js";
import type { AcquireClient, Offer } from "./client.js";
import { AcquireError } from "./error.js";
import { eventEmitter } from "./events.js";
import { type AcquireOptions, type ResolvedAcquireOptions, resolveAcquireOptions } from "./options.js";
import type { AcquireAttempt } from "./record.js";
import { type Stopper, createStopper } from "./stop.js";

/** A machine that is ready, and everything acquire tried to get it. */
export interface AcquireResult {
  /** The offer bought. */
  offer: Offer;
  /** Its procure answer; `undefined` when that answer was lost and the status proved the purchase. */
  procurement: Procurement | undefined;
  /** The `ready` status: `instances[].ssh_command` is set. */
  status: OfferStatus;
  /** Every offer procured, this one last, with its resources and their fate (this one's are `kept`). */
  attempts: AcquireAttempt[];
}

/**
 * Searches, ranks, procures the best offer under the price cap and waits until it is ready; when an
 * attempt fails in a way another offer may avoid, cleans up its resources and tries the next. One
 * procure at a time, at most `maxAttempts` offers, never a second purchase while one's outcome is
 * unknown. Rejects with `AcquireError` (every attempt and resource listed, `cause` = what ended it);
 * bad options reject with `CdeskInputError` before any request.
 *
 * @example
 * const { status } = await acquire(cdesk, {
 *   query: { region: "EU", compute: { gpu_type: "H100", gpu_count: 8 } },
 *   ssh_public_key,
 *   maxPricePerHour: 30,
 * });
 * console.log(status.instances[0]?.ssh_command);
 */
export async function acquire(cdesk: AcquireClient, options: AcquireOptions): Promise<AcquireResult> {
  const resolved = resolveAcquireOptions(options);
  const startedAt = Date.now();
  const counted = countingStatusRequests(cdesk);
  const stopper = createStopper(resolved.wait.signal, resolved.timeoutMs);
  const emit = eventEmitter(resolved.onEvent, (error) => stopper.stop({ kind: "listener", error }));
  const run: Acquisition = new Acquisition({ cdesk: counted.cdesk, options: resolved, stopper, emit }, () =>
    new WaitTimeoutError<OfferStatus>({
      lastStatus: run.lastStatus,
      elapsedMs: Date.now() - startedAt,
      attempts: counted.requests(),
      timeoutMs: resolved.timeoutMs,
    }),
  );
  try {
    return await run.result();
  } finally {
    stopper.dispose();
  }
}

/** One acquisition's state: the attempts so far, and the loop over searches and offers. */
class Acquisition {
  readonly attempts: AcquireAttempt[] = [];
  lastStatus: OfferStatus | undefined;
  private readonly tried = new Set<string>();
  private timeout: WaitTimeoutError<OfferStatus> | undefined;

  constructor(
    private readonly ctx: AttemptContext,
    private readonly timeoutError: () => WaitTimeoutError<OfferStatus>,
  ) {}

  async result(): Promise<AcquireResult> {
    try {
      return await this.loop();
    } catch (error) {
      if (error instanceof AcquireError) throw error;
      // A search that failed for good, a `rank` that threw, a stop during a search: nothing is in flight here.
      const summary = this.ctx.stopper.reason() ? "The acquisition stopped" : "The acquisition failed";
      throw this.failure(summary, this.stopCause(error));
    }
  }

  private async loop(): Promise<AcquireResult> {
    const { options, stopper, emit } = this.ctx;
    while (this.tried.size < options.maxAttempts) {
      const offers = await this.search();
      const { candidates, skipped } = selectCandidates(offers, {
        maxPricePerHour: options.maxPricePerHour,
        rank: options.rank,
        tried: this.tried,
        nowMs: Date.now(),
      });
      emit({ type: "searched", offers: offers.length, candidates: candidates.length });
      for (const { offer, reason } of skipped) emit({ type: "skipped", offer, reason });
      let procured = 0;
      for (const offer of candidates) {
        if (this.tried.size >= options.maxAttempts || stopper.reason()) break;
        // Earlier attempts took time: a candidate may be about to expire by now.
        if (isExpiring(offer, Date.now())) {
          emit({ type: "skipped", offer, reason: "expiring" });
          continue;
        }
        this.tried.add(offer.offer_id);
        procured += 1;
        const end = await runAttempt(this.ctx, offer, this.tried.size);
        const attempt = await this.settle(offer, this.tried.size, end);
        if (end.next === "done") {
          return { offer, procurement: end.procurement, status: end.status as OfferStatus, attempts: this.attempts };
        }
        if (end.next === "stop" || stopper.reason()) throw this.failure("The acquisition stopped", this.stopCause(attempt.error));
      }
      if (stopper.reason()) throw this.failure("The acquisition stopped", this.stopCause(undefined));
      if (procured === 0) {
        const summary = this.attempts.length === 0 ? "No offer to procure" : "No offer left to try";
        throw this.failure(`${summary}: ${describeSearch(offers.length, skipped.length, options)}`, this.attempts.at(-1)?.error);
      }
    }
    throw this.failure(`${options.maxAttempts} offer(s) procured (maxAttempts), none ready`, this.attempts.at(-1)?.error);
  }

  /** `POST /get_offers`, asked again after transient failures like a status poll, until the deadline. */
  private async search(): Promise<Offer[]> {
    const { cdesk, options, stopper } = this.ctx;
    const target = { fetch: (signal: AbortSignal) => cdesk.offers.search(options.query, { signal }), verdict: () => "ready" as const };
    let answer: Offer[] = [];
    const wait = { ...options.wait, timeoutMs: MAX_TIMER_MS, signal: stopper.signal, onProgress: undefined };
    for await (const found of poll(target, wait)) answer = Array.isArray(found?.offers) ? found.offers : [];
    return answer;
  }

  /** Records the attempt: looks up its resources, and unless it is the result, cleans them up. */
  private async settle(offer: Offer, number: number, end: AttemptEnd): Promise<AcquireAttempt> {
    const { cdesk, options, stopper, emit } = this.ctx;
    this.lastStatus = end.status ?? this.lastStatus;
    const error = end.next === "done" ? undefined : (end.error ?? this.stopCause(undefined));
    const attempt: AcquireAttempt = { offer, outcome: end.outcome, error, procurement: end.procurement, status: end.status, resources: [] };
    this.attempts.push(attempt);
    if (end.next !== "done") emit({ type: "failed", offer, attempt: number, error });
    if (end.next === "stop" && !stopper.reason()) stopper.stop({ kind: "failed", error });
    if (!end.mayHaveResources) return attempt;
    const ids = await resourcesOf(cdesk, offer.offer_id, end.resourceIds, stopper.cleanupSignal);
    if (end.next === "done") {
      attempt.resources = ids.map((resourceId) => ({ resourceId, fate: "kept" }));
      return attempt;
    }
    if (options.cleanup === "on-failure") emit({ type: "cleaning-up", offer, attempt: number, resourceIds: ids });
    attempt.resources = await cleanUp(cdesk, ids, { policy: options.cleanup, wait: options.wait, signal: stopper.cleanupSignal });
    emit({ type: "cleaned-up", offer, attempt: number, resources: attempt.resources });
    return attempt;
  }

  /** What ended the acquisition: the abort, the timeout or the listener's error win over `fallback`. */
  private stopCause(fallback: unknown): unknown {
    const reason = this.ctx.stopper.reason();
    if (!reason || reason.kind === "failed") return fallback ?? reason?.error;
    if (reason.kind !== "timeout") return reason.error;
    this.timeout ??= this.timeoutError();
    return this.timeout;
  }

  private failure(summary: string, cause: unknown): AcquireError {
    return new AcquireError(summary, { attempts: this.attempts, cause });
  }
}

function describeSearch(found: number, skipped: number, options: ResolvedAcquireOptions): string {
  const cap = options.maxPricePerHour === undefined ? "" : ` (maxPricePerHour ${options.maxPricePerHour})`;
  return `the search found ${found} offer(s), ${skipped} skipped${cap}`;
}

/** The same client, counting status requests for the `WaitTimeoutError` of `timeoutMs`. */
function countingStatusRequests(cdesk: AcquireClient): { cdesk: AcquireClient; requests: () => number } {
  let requests = 0;
  const offers: AcquireClient["offers"] = {
    search: (query, opts) => cdesk.offers.search(query, opts),
    procure: (request, opts) => cdesk.offers.procure(request, opts),
    status: (offerId, opts) => {
      requests += 1;
      return cdesk.offers.status(offerId, opts);
    },
  };
  return { cdesk: { offers, resources: cdesk.resources }, requests: () => requests };
}
