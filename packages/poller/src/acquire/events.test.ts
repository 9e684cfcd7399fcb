import { describe, expect, it, vi } from "vitest";
import { type AcquireEvent, eventEmitter } from "./events.js";

const searched: AcquireEvent = { type: "searched", offers: 2, candidates: 1 };

describe("eventEmitter", () => {
  it("hands every event to onEvent", () => {
    const onEvent = vi.fn();
    const stop = vi.fn();
    const emit = eventEmitter(onEvent, stop);
    emit(searched);
    emit(searched);
    expect(onEvent).toHaveBeenCalledTimes(2);
    expect(stop).not.toHaveBeenCalled();
  });

  it("stops the acquisition with the first error a listener throws, and keeps delivering", () => {
    const first = new Error("listener broke");
    const onEvent = vi.fn().mockImplementationOnce(() => { throw first; }).mockImplementationOnce(() => { throw new Error("again"); });
    const stop = vi.fn();
    const emit = eventEmitter(onEvent, stop);
    emit(searched);
    emit(searched);
    emit(searched);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(stop).toHaveBeenCalledWith(first);
    expect(onEvent).toHaveBeenCalledTimes(3);
  });

  it("stops it when an async listener rejects, with no unhandled rejection", async () => {
    const failure = new Error("async listener broke");
    const stopped = new Promise((resolve) => eventEmitter(async () => Promise.reject(failure), resolve)(searched));
    await expect(stopped).resolves.toBe(failure);
  });

  it("does nothing without a listener", () => {
    expect(() => eventEmitter(undefined, () => {})(searched)).not.toThrow();
  });
});
