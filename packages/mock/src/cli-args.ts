import { parseArgs } from "node:util";
import type { MockServerOptions } from "./options.js";
import { isScenarioName, scenarioNames } from "./scenarios.js";

export const USAGE = `Usage: cdesk-mock [options]

Runs a Prism mock of the Compute Desk Supply API (the spec @cdesk/types ships) and prints its URL.
Stops on Ctrl-C.

Options:
  --port N          port to listen on (0 picks a free one)           [default: 4010]
  --host HOST       interface to listen on                           [default: 127.0.0.1]
  --dynamic         generate responses from the schemas, not the examples
  --seed N          make --dynamic responses the same run after run
  --scenario NAME   step responses through the spec's examples: ${scenarioNames.join(", ")}
  --spec FILE       serve another OpenAPI document                   [default: @cdesk/types/openapi.yaml]
  --proxy URL       validate real traffic: forward to URL, check both ways against the spec,
                    print each violation
  -h, --help        show this help

Examples:
  cdesk-mock
  cdesk-mock --port 0 --scenario provisioning
  cdesk-mock --dynamic --seed 42
  cdesk-mock --proxy https://supply-api.compute-desk.com
      then: curl -H "Authorization: Bearer $CDESK_API_TOKEN" http://127.0.0.1:4010/available_gpus
`;

export type CliCommand = { kind: "help" } | { kind: "start"; options: MockServerOptions };

/** Bad command-line input; the bin prints the message and the usage, and exits with 2. */
export class UsageError extends Error {
  override name = "UsageError";
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
        host: { type: "string" },
        dynamic: { type: "boolean" },
        seed: { type: "string" },
        scenario: { type: "string" },
        spec: { type: "string" },
        proxy: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return { kind: "help" };

  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got "${values.port}"`);
  if (values.scenario !== undefined && !isScenarioName(values.scenario)) {
    throw new UsageError(`--scenario must be one of ${scenarioNames.join(", ")}, got "${values.scenario}"`);
  }
  if (values.seed !== undefined && !values.dynamic) throw new UsageError("--seed only applies with --dynamic");
  if (values.proxy !== undefined) {
    if (!/^https?:\/\/[^/]/.test(values.proxy)) throw new UsageError(`--proxy must be an http(s) URL, got "${values.proxy}"`);
    if (values.scenario !== undefined || values.dynamic) throw new UsageError("--proxy cannot be combined with --scenario or --dynamic");
  }
  const options: MockServerOptions = { port };
  if (values.host !== undefined) options.host = values.host;
  if (values.dynamic) options.dynamic = true;
  if (values.seed !== undefined) options.seed = values.seed;
  if (values.scenario !== undefined) options.scenario = values.scenario;
  if (values.spec !== undefined) options.spec = values.spec;
  if (values.proxy !== undefined) options.proxy = values.proxy;
  return { kind: "start", options };
}
