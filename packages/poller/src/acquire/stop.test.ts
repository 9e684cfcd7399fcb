import { describe, expect, it, vi } from "vitest";
import { useFakeClock } from "../../test/support/fake-clock.js";
import { CLEANUP_GRACE_MS, createStopper } from "./stop.js";

useFakeClock();

describe("createStopper", () => {
  it("at timeoutMs stops everything but the procure call, and ends cleanup a grace period later", async () => {
    const stopper = createStopper(undefined, 1_000);
    await vi.advanceTimersByTimeAsync(999);
    expect(stopper.reason()).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(stopper.reason()).toEqual({ kind: "timeout" });
    expect([stopper.signal.aborted, stopper.procureSignal.aborted, stopper.cleanupSignal.aborted]).toEqual([true, false, false]);
    await vi.advanceTimersByTimeAsync(CLEANUP_GRACE_MS);
    expect(stopper.cleanupSignal.aborted).toBe(true);
    stopper.dispose();
  });

  it("on the caller's abort also cancels the procure call, with the abort as the reason", () => {
    const controller = new AbortController();
    const stopper = createStopper(controller.signal, 60_000);
    controller.abort(new Error("user pressed Ctrl-C"));
    expect(stopper.reason()).toMatchObject({ kind: "aborted", error: { name: "AbortError", cause: { message: "user pressed Ctrl-C" } } });
    expect(stopper.procureSignal.aborted).toBe(true);
    stopper.dispose();
  });

  it("is stopped from the start by a signal that already fired", () => {
    const stopper = createStopper(AbortSignal.abort(), 60_000);
    expect(stopper.reason()?.kind).toBe("aborted");
    stopper.dispose();
  });

  it("keeps the first reason, and dispose leaves no timer or listener", () => {
    const controller = new AbortController();
    const add = vi.spyOn(controller.signal, "addEventListener");
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const stopper = createStopper(controller.signal, 60_000);
    stopper.stop({ kind: "failed", error: "first" });
    stopper.stop({ kind: "timeout" });
    expect(stopper.reason()).toEqual({ kind: "failed", error: "first" });
    expect(stopper.procureSignal.aborted).toBe(true);
    stopper.dispose();
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledWith("abort", add.mock.calls[0]?.[1]);
  });
});
