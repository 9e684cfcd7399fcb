/// <reference types="node" />
import { getEventListeners } from "node:events";
import { CdeskAbortError } from "@cdesk/client";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { sleep } from "./sleep.js";

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe("sleep", () => {
  it("resolves after the delay and leaves no timer or listener", async () => {
    const controller = new AbortController();
    let done = false;
    const slept = sleep(1_000, controller.signal).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects with an AbortError at once when the signal fires, clearing its timer", async () => {
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    controller.abort(new Error("user cancelled"));
    const error = await slept.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CdeskAbortError);
    expect(error).toMatchObject({ name: "AbortError", cause: new Error("user cancelled") });
    expect(Date.now()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  it("rejects without starting a timer when the signal has already fired", async () => {
    const error = await sleep(1_000, AbortSignal.abort()).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(vi.getTimerCount()).toBe(0);
  });

  it("works without a signal", async () => {
    const slept = sleep(10, undefined);
    await vi.advanceTimersByTimeAsync(10);
    await expect(slept).resolves.toBeUndefined();
  });
});
