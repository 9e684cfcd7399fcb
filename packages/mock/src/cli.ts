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
  const mock = await startMockServer({
    ...options,
    onViolation: (violation) => process.stderr.write(`violation: ${formatViolation(violation)}\n`),
  });
  const what = options.proxy ? `Validating proxy to ${options.proxy}` : `Mock${options.scenario ? ` (scenario ${options.scenario})` : ""}`;
  process.stdout.write(`${what} listening on ${mock.url}\n`);

  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
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
