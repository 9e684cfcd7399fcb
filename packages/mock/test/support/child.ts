import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

export interface RunningChild {
  process: ChildProcess;
  /** Resolves with the first stdout line matching `pattern`. */
  line(pattern: RegExp): Promise<string>;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or signal name) once the child has exited. */
  exited: Promise<number | string>;
}

/** Runs `node ...args`, collecting its output line by line. */
export function runNode(args: string[], env: NodeJS.ProcessEnv = process.env): RunningChild {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env });
  let out = "";
  let err = "";
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => {
    out += `${line}\n`;
    for (const waiter of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    err += chunk.toString("utf8");
  });
  const exited = new Promise<number | string>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal as string))));
  return {
    process: child,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const already = out.split("\n").find((line) => pattern.test(line));
        if (already) return resolve(already);
        waiters.push({ pattern, resolve });
        void exited.then((code) => reject(new Error(`exited (${code}) before printing ${pattern}\nstdout:\n${out}\nstderr:\n${err}`)));
      }),
    stdout: () => out,
    stderr: () => err,
    exited,
  };
}
