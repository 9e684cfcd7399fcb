import { Command, Option } from "commander";
import pkg from "../package.json" with { type: "json" };
import { header, timeout } from "./arg-parsers.js";
import { registerAuthCommands } from "./commands/auth.js";
import { registerCatalogCommands } from "./commands/catalog.js";
import { registerCompletionCommand } from "./commands/completion.js";
import { registerDeleteCommand } from "./commands/delete.js";
import { registerDownCommand } from "./commands/down.js";
import { registerOfferCommands } from "./commands/offers.js";
import { registerProcureCommand } from "./commands/procure.js";
import { registerResourceCommands } from "./commands/resources.js";
import { registerStatusCommand } from "./commands/status.js";
import { registerUpCommand } from "./commands/up.js";
import { createContext, type ClientFactory, type CommandContext, type GlobalFlags } from "./context.js";
import { EXIT_CODES } from "./errors.js";
import type { Runtime } from "./runtime.js";

const OVERVIEW = "Find, rent and release GPU machines on Compute Desk.";

// Kept out of the description, which commander re-wraps, so the columns stay aligned.
const FOOTER = `
The main job:
  $ cdesk up --gpu H100 --region EU --max-price 5 --ssh-key ~/.ssh/id_ed25519.pub
                                                # the cheapest offer under $5/h, ready; a failed one
                                                # is deleted and the next tried; prints the ssh command
  $ cdesk down <offer-id> --wait                # release everything of that offer

Step by step:
  $ cdesk gpus                                  # what GPU types exist
  $ cdesk offers --gpu H100 --region EU         # priced offers, cheapest first (each lasts 30 min)
  $ cdesk procure <offer-id> --ssh-key ~/.ssh/id_ed25519.pub --wait
                                                # rent one, wait until ready, print its ssh command
  $ cdesk resources                             # what you have running, and pay for
  $ cdesk delete <resource-id> --wait           # release it, stop paying

Configuration:
  CDESK_API_TOKEN   your API token (or --token-file <file>, or \`cdesk auth login\` once)
  CDESK_BASE_URL    API address (default https://supply-api.compute-desk.com; or --base-url)
  CDESK_PROFILE     which saved login to use (or --profile; default "default")
  CDESK_LOG         the client's log lines on stderr: debug, info, warn or error (or --verbose)
  NO_COLOR          set to turn colours off
  A flag wins over a variable, and a variable over the saved login.

Output: tables for people on stdout; --json gives the API's JSON instead. Progress, hints and
errors go to stderr, so stdout stays clean for pipes.

Time limit: every command gives up after --timeout (exit code 4): by default 2m, or 20m for
procure and for --wait, 30m for up. It bounds all of the command's requests, retries included.

Exit codes:
${EXIT_CODES.map(([code, meaning]) => `  ${String(code).padEnd(4)}${meaning}`).join("\n")}

Run "cdesk <command> --help" for a command's options and examples.
`;

/** The command tree, wired to `runtime`. Commander errors are thrown, not exited, so `run` picks the exit code. */
export function createProgram(runtime: Runtime, makeClient: ClientFactory): { program: Command; context: CommandContext } {
  const program = new Command("cdesk")
    .description(OVERVIEW)
    .version(pkg.version, "-v, --version")
    .option("--json", "print the API's JSON instead of tables (for scripts)")
    .option("--base-url <url>", "API address (overrides CDESK_BASE_URL)")
    .option("--token-file <file>", "read the API token from this file (overrides CDESK_API_TOKEN)")
    .option("--profile <name>", 'the saved login to use (overrides CDESK_PROFILE; default "default")')
    .addOption(
      new Option("--timeout <duration>", "give up after this long (exit code 4), e.g. 30s or 10m (default: 2m; 20m for procure and --wait; 30m for up)").argParser(
        timeout,
      ),
    )
    .option("-H, --header <name: value>", "extra header on every request, repeatable (e.g. for a proxy, or the mock's Prefer)", header)
    .option("--allow-insecure-http", "allow sending the token over plain http to a host that is not this machine (trusted networks only)")
    .option("--verbose", "log every HTTP request on stderr (like CDESK_LOG=debug)")
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .configureOutput({
      writeOut: (text) => runtime.stdout.write(text),
      writeErr: (text) => runtime.stderr.write(text),
    })
    .showHelpAfterError('(run "cdesk --help" for usage)')
    .exitOverride()
    .addHelpText("after", FOOTER);

  const context = createContext(runtime, () => program.opts<GlobalFlags>(), makeClient);
  // The deadline starts once the command line is known to be right, just before the action.
  program.hook("preAction", (_program, command) => context.begin(command));
  registerUpCommand(program, context);
  registerDownCommand(program, context);
  registerCatalogCommands(program, context);
  registerOfferCommands(program, context);
  registerProcureCommand(program, context);
  registerStatusCommand(program, context);
  registerResourceCommands(program, context);
  registerDeleteCommand(program, context);
  registerAuthCommands(program, context);
  registerCompletionCommand(program);
  return { program, context };
}
