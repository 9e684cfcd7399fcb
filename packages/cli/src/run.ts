import { createCdeskClient } from "@cdesk/client";
import { CommanderError } from "commander";
import pc from "picocolors";
import { ExitCode } from "./errors.js";
import { explainError } from "./explain.js";
import { terminalSafe } from "./format/terminal-safe.js";
import { createProgram } from "./program.js";
import { useColor } from "./progress.js";
import type { Runtime } from "./runtime.js";
import type { ClientFactory } from "./context.js";

/**
 * Runs one command line and returns the exit code. Errors end here: one line on stderr, a hint
 * when there is a usual fix, and the code scripts can branch on.
 */
export async function run(argv: string[], runtime: Runtime, makeClient: ClientFactory = createCdeskClient): Promise<number> {
  const { program, context } = createProgram(runtime, makeClient);
  try {
    await program.parseAsync(argv);
    return ExitCode.ok;
  } catch (error) {
    // Commander has already printed its message (or the help / version).
    if (error instanceof CommanderError) return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    const colors = pc.createColors(useColor(runtime.stderr, runtime.env));
    const { message, hint, exitCode } = explainError(error, { ...(context.trail.lastUrl && { url: context.trail.lastUrl }) });
    // Messages carry server text (a `detail`, a reason): one line each, nothing the terminal would obey.
    const line = (text: string) => terminalSafe(text).replace(/\s*\n\s*/g, " ");
    runtime.stderr.write(`${colors.red("error:")} ${line(message)}\n${hint ? `${colors.dim("hint:")} ${line(hint)}\n` : ""}`);
    return exitCode;
  } finally {
    context.close();
  }
}
