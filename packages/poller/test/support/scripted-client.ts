import type { RequestOptions } from "@cdesk/client";
import { vi } from "vitest";
import type { OfferStatus, OfferStatusClient, Resource, ResourceClient } from "../../src/client.js";

/** One scripted answer: a value, an error to throw, or a function called at request time (e.g. of the fake clock). */
export type Step<T> = T | Error | (() => T | Error | Promise<T>);

export interface RecordedCall {
  id: string;
  /** `Date.now()` (fake or real) when the request was made. */
  at: number;
  signal: AbortSignal | undefined;
}

/**
 * A fake request that answers with `steps` in order and repeats the last one, recording every call
 * with its time and the signal it was given.
 */
export function scripted<T>(steps: Step<T>[]) {
  const calls: RecordedCall[] = [];
  const answer = async (id: string, signal: AbortSignal | undefined): Promise<T> => {
    calls.push({ id, at: Date.now(), signal });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)] as Step<T>;
    const result = typeof step === "function" ? await (step as () => T | Error | Promise<T>)() : step;
    if (result instanceof Error) throw result;
    return result;
  };
  return { answer, calls };
}

/** A fake `offers.status`, shaped like the real client's. */
export function fakeOfferStatus(steps: Step<OfferStatus>[]) {
  const { answer, calls } = scripted(steps);
  const cdesk: OfferStatusClient = { offers: { status: (id, opts?: RequestOptions) => answer(id, opts?.signal) } };
  return { cdesk, calls };
}

/** A fake `resources.get(id, query, options)`, shaped like the real client's. */
export function fakeResourceGet(steps: Step<Resource>[]) {
  const { answer, calls } = scripted(steps);
  const cdesk: ResourceClient = { resources: { get: (id, _query, opts?: RequestOptions) => answer(id, opts?.signal) } };
  return { cdesk, calls };
}

/** A status request that never answers on its own, but rejects when its signal aborts (as fetch does). */
export function hangingOfferStatus() {
  const calls: RecordedCall[] = [];
  const cdesk: OfferStatusClient = {
    offers: {
      status: (id, opts?: RequestOptions) => {
        calls.push({ id, at: Date.now(), signal: opts?.signal });
        return new Promise((_resolve, reject) => {
          opts?.signal?.addEventListener("abort", () => reject(opts.signal?.reason), { once: true });
        });
      },
    },
  };
  return { cdesk, calls };
}

/**
 * Settles `promise` while running fake timers, and returns its outcome without throwing.
 * `onTimePassed` hears how far each step moved the clock (to move another clock in step).
 */
export async function runToEnd<T>(promise: Promise<T>, onTimePassed?: (ms: number) => void): Promise<{ value: T } | { error: unknown }> {
  let done = false;
  const outcome = promise.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  void outcome.then(() => {
    done = true;
  });
  for (let i = 0; i < 100_000 && !done; i += 1) {
    if (vi.getTimerCount() === 0) {
      await vi.advanceTimersByTimeAsync(0);
      continue;
    }
    const before = Date.now();
    await vi.advanceTimersToNextTimerAsync();
    onTimePassed?.(Date.now() - before);
  }
  return outcome;
}

/** The error of an outcome, failing the test when there is none. */
export function errorOf(outcome: { value: unknown } | { error: unknown }): unknown {
  if (!("error" in outcome)) throw new Error(`expected a rejection, got ${JSON.stringify(outcome.value)}`);
  return outcome.error;
}
