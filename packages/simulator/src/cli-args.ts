import { parseArgs } from "node:util";

export const USAGE = `Usage: cdesk-sim [options]

Runs a stateful simulator of the Compute Desk Supply API on a port, for the CLI, other languages
and manual use. Offers can be searched, procured, polled and deleted; its state lives until it stops.
Stops on Ctrl-C (SIGINT) or SIGTERM.

Options:
  --port N              port to listen on (0 picks a free one)        [default: 4010]
  --host HOST           interface to listen on                        [default: 127.0.0.1]
  --seed N              the same seed gives the same ids and prices   [default: 1]
  --provisioning TIME   procurement to ready, e.g. 20s, 1500ms, 2m    [default: 3s]
  --deletion TIME       deleting to deleted                           [default: 2s]
  --token TOKEN         accept only this bearer token                 [default: any non-empty token]
  -h, --help            show this help

Example:
  cdesk-sim --port 4010 --provisioning 20s
      then: curl -H "Authorization: Bearer any" http://127.0.0.1:4010/available_gpus
`;

export interface CliStart {
  kind: "start";
  port: number;
  host: string;
  seed: number | undefined;
  provisioningMs: number | undefined;
  deletionMs: number | undefined;
  token: string | undefined;
}

export type CliCommand = { kind: "help" } | CliStart;

/** Bad command-line input; the bin prints the message and the usage, and exits with 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000 };

/** "20s", "1500ms", "2m", or plain seconds ("20") -> milliseconds. */
export function parseDuration(flag: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!m) throw new UsageError(`--${flag} must be a duration such as 20s, 1500ms or 2m, got "${text}"`);
  return Math.round(Number(m[1]) * UNIT_MS[m[2] ?? "s"]!);
}

/** Turns argv (without node and the script) into what to do. Throws UsageError on bad input. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string", default: "4010" },
        host: { type: "string", default: "127.0.0.1" },
        seed: { type: "string" },
        provisioning: { type: "string" },
        deletion: { type: "string" },
        token: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !(values.seed !== "" && Number.isInteger(seed))) throw new UsageError(`--seed must be an integer, got "${values.seed}"`);
  if (values.token === "") throw new UsageError("--token must not be empty");
  return {
    kind: "start",
    port,
    host: values.host,
    seed,
    provisioningMs: values.provisioning === undefined ? undefined : parseDuration("provisioning", values.provisioning),
    deletionMs: values.deletion === undefined ? undefined : parseDuration("deletion", values.deletion),
    token: values.token,
  };
}
