import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { getEventListeners } from "node:events";
import { CdeskAbortError } from "./index.js";
import { abortableSleep } from "./sleep.js";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => {
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
});

it("resolves after the time and leaves no listener", async () => {
  const controller = new AbortController();
  const done = vi.fn();
  void abortableSleep(1000, controller.signal).then(done);
  await vi.advanceTimersByTimeAsync(999);
  expect(done).not.toHaveBeenCalled();
  await vi.advanceTimersByTimeAsync(1);
  expect(done).toHaveBeenCalled();
  expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
});

it("rejects the moment the signal fires, with its reason as cause, and clears the timer", async () => {
  const controller = new AbortController();
  const sleeping = abortableSleep(60_000, controller.signal, "GET /x").catch((e: unknown) => e);
  controller.abort("stop");
  const error = await sleeping;
  expect(error).toBeInstanceOf(CdeskAbortError);
  expect(error).toMatchObject({ name: "AbortError", message: "GET /x was aborted", cause: "stop" });
});

it("rejects at once for a signal that already fired", async () => {
  await expect(abortableSleep(10, AbortSignal.abort())).rejects.toMatchObject({ message: "The wait was aborted" });
});
