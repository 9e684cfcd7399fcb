import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { Interrupted, UsageError } from "../errors.js";
import type { Runtime } from "../runtime.js";

/**
 * The token for `auth login`: typed (or pasted) at a prompt that does not echo it on a terminal,
 * or read whole from a pipe (`cdesk auth login < token.txt`, `pass show cdesk | cdesk auth login`).
 */
export async function readToken(runtime: Pick<Runtime, "stdin" | "stderr">): Promise<string> {
  const text = runtime.stdin.isTTY ? await prompt(runtime) : await readAll(runtime.stdin);
  const token = text.trim();
  if (!token) throw new UsageError("No token given: type it at the prompt, or pipe it in, e.g. `cdesk auth login < token.txt`.");
  if (/[\s\u0000-\u001f\u007f]/.test(token)) {
    throw new UsageError("The token holds spaces, line breaks or control characters: give only the token.");
  }
  return token;
}

async function prompt(runtime: Pick<Runtime, "stdin" | "stderr">): Promise<string> {
  // On a terminal readline echoes what is typed to its output: a sink, so nothing reaches the screen.
  // It also turns the terminal's own echo off: only then may the prompt invite typing.
  const hidden = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: runtime.stdin, output: hidden, terminal: true });
  runtime.stderr.write("Paste your API token (it is not shown): ");
  try {
    return await new Promise<string>((resolve, reject) => {
      lines.once("line", resolve);
      // The terminal is in raw mode: Ctrl-C arrives here, not as a signal to the process.
      lines.once("SIGINT", () => reject(new Interrupted()));
      lines.once("close", () => resolve(""));
    });
  } finally {
    lines.close();
    // The hidden answer left the cursor on the prompt's line.
    runtime.stderr.write("\n");
  }
}

async function readAll(stream: Runtime["stdin"]): Promise<string> {
  let text = "";
  for await (const chunk of stream) text += typeof chunk === "string" ? chunk : (chunk as Buffer).toString("utf8");
  return text;
}
