/// <reference types="node" />
import { getEventListeners } from "node:events";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DEADLINE_PASSED, boundedRequest } from "./bounded-request.js";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

/** A request that answers only when its signal aborts, like fetch. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => signal.addEventListener("abort", () => reject(signal.reason)));
}

describe("boundedRequest", () => {
  it("resolves with the request's answer and leaves no timer or listener", async () => {
    const controller = new AbortController();
    await expect(boundedRequest(async () => "ok", controller.signal, 1_000)).resolves.toBe("ok");
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("passes on the request's error", async () => {
    await expect(boundedRequest(async () => Promise.reject(new Error("boom")), undefined, 1_000)).rejects.toThrow("boom");
    expect(vi.getTimerCount()).toBe(0);
  });

  it("resolves DEADLINE_PASSED at the deadline and aborts the request's signal", async () => {
    let given: AbortSignal | undefined;
    const result = boundedRequest((signal) => {
      given = signal;
      return untilAborted(signal);
    }, undefined, 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    await expect(result).resolves.toBe(DEADLINE_PASSED);
    expect(given?.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects with an AbortError as soon as the caller aborts, even if the request ignores its signal", async () => {
    const controller = new AbortController();
    const result = boundedRequest(() => new Promise<never>(() => {}), controller.signal, 60_000);
    await Promise.resolve();
    controller.abort();
    await expect(result).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("never calls the request when the caller's signal has already fired", async () => {
    const run = vi.fn(async () => "ok");
    await expect(boundedRequest(run, AbortSignal.abort(), 1_000)).rejects.toMatchObject({ name: "AbortError" });
    expect(run).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("turns a synchronous throw of the request into a rejection", async () => {
    const run = () => {
      throw new Error("sync");
    };
    await expect(boundedRequest(run, undefined, 1_000)).rejects.toThrow("sync");
  });
});
