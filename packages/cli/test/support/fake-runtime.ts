import type { Runtime } from "../../src/runtime.js";

/** A runtime with memory streams, a fixed clock and the given files; no terminal, no signals. */
export function fakeRuntime(files: Record<string, string> = {}, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const interrupts = new Set<() => void>();
  const runtime: Runtime = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    env,
    now: () => new Date("2026-11-29T10:00:00Z"),
    readFile: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error("missing"), { code: "ENOENT" });
    },
    onInterrupt: (handler) => {
      interrupts.add(handler);
      return () => interrupts.delete(handler);
    },
  };
  return {
    runtime,
    stdout: () => out.join(""),
    stderr: () => err.join(""),
    /** Ctrl-C, as the process would get it. */
    interrupt: () => interrupts.forEach((handler) => handler()),
  };
}
