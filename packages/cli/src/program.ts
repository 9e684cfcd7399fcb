import { Command } from "commander";
import pkg from "../package.json" with { type: "json" };
import { header } from "./arg-parsers.js";
import { registerCatalogCommands } from "./commands/catalog.js";
import { registerDeleteCommand } from "./commands/delete.js";
import { registerOfferCommands } from "./commands/offers.js";
import { registerProcureCommand } from "./commands/procure.js";
import { registerResourceCommands } from "./commands/resources.js";
import { registerStatusCommand } from "./commands/status.js";
import { createContext, type ClientFactory, type GlobalFlags } from "./context.js";
import type { Runtime } from "./runtime.js";

const OVERVIEW = "Find, rent and release GPU machines on Compute Desk.";

// Kept out of the description, which commander re-wraps, so the columns stay aligned.
const FOOTER = `
The usual path:
  $ cdesk gpus                                  # what GPU types exist
  $ cdesk offers --gpu H100 --region EU         # priced offers, cheapest first (each lasts 30 min)
  $ cdesk procure <offer-id> --ssh-key ~/.ssh/id_ed25519.pub --wait
                                                # rent one, wait until ready, print its ssh command
  $ cdesk resources                             # what you have running, and pay for
  $ cdesk delete <resource-id> --wait           # release it, stop paying

Configuration:
  CDESK_API_TOKEN   your API token (or put it in a file and pass --token-file <file>)
  CDESK_BASE_URL    API address (default https://supply-api.compute-desk.com; or --base-url)
  NO_COLOR          set to turn colours off

Output: tables for people on stdout; --json gives the API's JSON instead. Progress, hints and
errors go to stderr, so stdout stays clean for pipes.

Exit codes: 0 ok, 1 API or network error, 2 usage error, 3 provisioning failed, 4 timed out, 130 interrupted.

Run "cdesk <command> --help" for a command's options and examples.
`;

/** The command tree, wired to `runtime`. Commander errors are thrown, not exited, so `run` picks the exit code. */
export function createProgram(runtime: Runtime, makeClient: ClientFactory): Command {
  const program = new Command("cdesk")
    .description(OVERVIEW)
    .version(pkg.version, "-v, --version")
    .option("--json", "print the API's JSON instead of tables (for scripts)")
    .option("--base-url <url>", "API address (overrides CDESK_BASE_URL)")
    .option("--token-file <file>", "read the API token from this file (overrides CDESK_API_TOKEN)")
    .option("-H, --header <name: value>", "extra header on every request, repeatable (e.g. for a proxy, or the mock's Prefer)", header)
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
    })
    .showHelpAfterError('(run "cdesk --help" for usage)')
    .exitOverride()
    .addHelpText("after", FOOTER);

  const context = createContext(runtime, () => program.opts<GlobalFlags>(), makeClient);
  registerCatalogCommands(program, context);
  registerOfferCommands(program, context);
  registerProcureCommand(program, context);
  registerStatusCommand(program, context);
  registerResourceCommands(program, context);
  registerDeleteCommand(program, context);
  return program;
}
