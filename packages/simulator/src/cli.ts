// The cdesk-sim bin: a simulator on a port until SIGINT or SIGTERM.
import { parseCliArgs, UsageError, USAGE } from "./cli-args.js";
import { createSimulator } from "./node.js";

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`cdesk-sim: ${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (command.kind === "help") {
    process.stdout.write(USAGE);
    return;
  }
  const sim = createSimulator({
    ...(command.seed !== undefined ? { seed: command.seed } : {}),
    ...(command.provisioningMs !== undefined ? { provisioningMs: command.provisioningMs } : {}),
    ...(command.deletionMs !== undefined ? { deletionMs: command.deletionMs } : {}),
    ...(command.token !== undefined ? { token: command.token } : {}),
  });
  let server;
  try {
    server = await sim.listen({ port: command.port, host: command.host });
  } catch (error) {
    process.stderr.write(`cdesk-sim: cannot listen on ${command.host}:${command.port}: ${(error as Error).message}\n`);
    process.exitCode = 1;
    return;
  }
  const seed = command.seed ?? 1;
  process.stdout.write(
    `cdesk-sim: Supply API simulator listening on ${server.url} (seed ${seed}, provisioning ${(command.provisioningMs ?? 3000) / 1000}s, deletion ${(command.deletionMs ?? 2000) / 1000}s); Ctrl-C stops it\n`,
  );
  const stop = (): void => {
    process.off("SIGINT", stop);
    process.off("SIGTERM", stop);
    void server.close().then(() => {
      process.exitCode = 0;
    });
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

await main();
