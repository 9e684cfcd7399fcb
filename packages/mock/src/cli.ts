import { constants } from "node:os";
import { parseCliArgs, USAGE, UsageError } from "./cli-args.js";
import { startMockServer } from "./start-mock-server.js";
import { formatViolation } from "./violations.js";

async function main(argv: readonly string[]): Promise<number> {
  let command;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cdesk-mock: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return 0;
  }
  const { options } = command;
  // Listening before the URL is printed: whoever reads it may signal at once. A signal during
  // start-up ends the process right away (Prism is killed on exit) rather than after a slow start.
  let started = false;
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    const stop = (signal: NodeJS.Signals) => (started ? resolve(signal) : process.exit(128 + constants.signals[signal]));
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  const mock = await startMockServer({
    ...options,
    onViolation: (violation) => process.stderr.write(`violation: ${formatViolation(violation)}\n`),
  });
  started = true;
  const what = options.proxy ? `Validating proxy to ${options.proxy}` : `Mock${options.scenario ? ` (scenario ${options.scenario})` : ""}`;
  process.stdout.write(`${what} listening on ${mock.url}\n`);

  const signal = await stopSignal;
  await mock.close();
  process.stdout.write(`Stopped (${signal}).\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: Error) => {
    process.stderr.write(`cdesk-mock: ${error.message}\n`);
    process.exitCode = 1;
  },
);
