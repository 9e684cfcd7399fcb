import { Readable } from "node:stream";
import type { Runtime } from "../../src/runtime.js";

/**
 * A runtime with memory streams, a fixed clock and the given files; no terminal, no signals. Its
 * config directory does not exist, so no saved login is found.
 */
export function fakeRuntime(files: Record<string, string> = {}, env: Record<string, string> = {}, stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const interrupts = new Set<() => void>();
  const runtime: Runtime = {
    stdout: { write: (text: string) => out.push(text) },
    stderr: { write: (text: string) => err.push(text) },
    stdin: Readable.from(stdin ? [stdin] : []),
    // A token and an address, so no command reads the (missing) profiles file unless a test says so.
    env: { XDG_CONFIG_HOME: "/nonexistent/cdesk-test-config", CDESK_API_TOKEN: "test-token", CDESK_BASE_URL: "http://127.0.0.1:4010", ...env },
    platform: "linux",
    homedir: () => "/nonexistent/home",
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
