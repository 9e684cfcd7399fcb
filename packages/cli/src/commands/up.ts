import { AcquireError, acquire, type AcquireResult } from "@cdesk/poller";
import { Option, type Command } from "commander";
import { interval, positiveInteger, positiveNumber } from "../arg-parsers.js";
import { acquireFailure } from "../acquire-failure.js";
import { createAcquireProgress } from "../acquire-progress.js";
import { setDefaultTimeout, type CommandContext } from "../context.js";
import { Interrupted } from "../errors.js";
import { explainError } from "../explain.js";
import { attemptsJson } from "../format/acquire.js";
import { renderOfferStatus } from "../format/status.js";
import { readFlagFile, readPublicKey } from "../input-files.js";
import { buildOffersQuery } from "../query.js";
import { examples } from "./help.js";
import { noteSshCommands } from "./status.js";

/** The flags of `cdesk up`. */
interface UpFlags {
  /**
   * `--gpu`: the GPU family or variant, as for `cdesk offers`.
   * @default none (required)
   * @example cdesk up --gpu H100 ...
   */
  gpu: string;
  /**
   * `--count`: GPUs per offer.
   * @default the server's (1)
   * @example cdesk up --gpu H100 --count 8 ...
   */
  count?: number;
  /**
   * `--region`, `--vendor`, `--contract`: as for `cdesk offers`.
   * @default any
   * @example cdesk up --gpu H100 --region EU --contract spot ...
   */
  region?: string;
  vendor?: string;
  contract?: string;
  /**
   * `--max-price`: the highest total price per hour (all GPUs and storage) in USD; an offer above it,
   * or without a price, is never procured.
   * @default none (required: a command that spends money gets a cap)
   * @example cdesk up --gpu H100 --count 8 --max-price 30 ...
   */
  maxPrice: number;
  /**
   * `--ssh-key`: the public key file installed on the machines.
   * @default none (required)
   * @example cdesk up ... --ssh-key ~/.ssh/id_ed25519.pub
   */
  sshKey: string;
  /**
   * `--cloud-init`, `--cluster-name`: as for `cdesk procure`.
   * @default none
   * @example cdesk up ... --cloud-init setup.sh
   */
  cloudInit?: string;
  clusterName?: string;
  /**
   * `--max-attempts`: offers procured at most before giving up.
   * @default 3
   * @example cdesk up ... --max-attempts 5
   */
  maxAttempts: number;
  /**
   * `--interval`: time between two status checks, in milliseconds (at least 1 s).
   * @default the poller's (15 s, the documented cadence)
   * @example cdesk up ... --interval 5s
   */
  interval?: number;
  /**
   * `--keep`: delete nothing; resources of attempts that failed or were interrupted stay (and are billed).
   * @default false (they are deleted, with force, and waited out)
   * @example cdesk up ... --keep
   */
  keep?: boolean;
}

/** An acquisition may take several provisionings: half an hour, an offer's lifetime. */
export const UP_TIMEOUT_MS = 30 * 60_000;
const DEFAULT_MAX_ATTEMPTS = 3;

/** `up`: search, procure the cheapest offer under the cap, wait until ready; on failure clean up and try the next. */
export function registerUpCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("up")
    .description("Get a ready machine: procure the cheapest offer under --max-price, fail over to the next (billed until `cdesk down`)")
    .requiredOption("--gpu <type>", "GPU family or exact variant (see `cdesk gpus`), e.g. H100")
    .option("--count <n>", "GPUs per offer (server default: 1)", positiveInteger)
    .option("--region <region>", "region group, e.g. EU (see `cdesk regions`)")
    .option("--vendor <vendor>", "only this vendor (see `cdesk vendors`)")
    .option("--contract <type>", "ondemand or spot (default: both)")
    .requiredOption("--max-price <usd>", "highest TOTAL price per hour in USD (all GPUs and storage; `offers --max-price` is per GPU)", positiveNumber)
    .requiredOption("--ssh-key <file>", "your public key file, installed on the machines (e.g. ~/.ssh/id_ed25519.pub)")
    .option("--cloud-init <file>", "a script run at first boot; starts with #cloud-config or #!/ (max 64 KB)")
    .option("--cluster-name <name>", "name for a cluster (cluster offers only)")
    .option("--max-attempts <n>", "offers procured at most", positiveInteger, DEFAULT_MAX_ATTEMPTS)
    .addOption(new Option("--interval <duration>", "time between two status checks, at least 1s (default: 15s)").argParser(interval))
    .option("--keep", "delete nothing: keep the resources of failed or interrupted attempts (they are billed)");
  setDefaultTimeout(command, UP_TIMEOUT_MS);
  command
    .addHelpText(
      "after",
      `${examples(
        ["cdesk up --gpu H100 --count 8 --region EU --max-price 30 --ssh-key ~/.ssh/id_ed25519.pub", "8x H100 in the EU for at most $30/h"],
        ["cdesk up --gpu L4 --max-price 1 --ssh-key key.pub --json | jq -r '.status.instances[0].ssh_command'", "in a script"],
        ["cdesk down 3f6c1a2e-... --wait", "release it"],
      )}
An attempt that fails (provisioning failed, the offer was sold or expired, 15m without ready) is cleaned up
(its resources deleted with force, unless --keep) and the next offer is procured. Ctrl-C stops, cleans
up the attempt in flight (unless --keep), lists what was deleted or kept, and exits 130.
--timeout (default 30m) bounds the whole acquisition; cleanup after a stop gets up to 60s more.
`,
    )
    .action((flags: UpFlags) => up(context, flags));
}

async function up(context: CommandContext, flags: UpFlags): Promise<void> {
  const { runtime } = context;
  const query = buildOffersQuery({ gpu: flags.gpu, count: flags.count, region: flags.region, vendor: flags.vendor, contract: flags.contract });
  const ssh_public_key = await readPublicKey(runtime, flags.sshKey);
  const cloud_init = flags.cloudInit === undefined ? undefined : await readFlagFile(runtime, "--cloud-init", flags.cloudInit);
  const cdesk = await context.client();
  // Ctrl-C is acquire's signal, not the deadline's: acquire ends a purchase in flight on it, but never on a timer.
  const interrupt = new AbortController();
  const stopListening = runtime.onInterrupt(() => interrupt.abort(new Interrupted()));
  const reason = (error: unknown) => explainError(error).message;
  const progress = createAcquireProgress(runtime, { maxAttempts: flags.maxAttempts, maxPrice: flags.maxPrice, reason });
  try {
    const result = await acquire(cdesk, {
      query,
      ssh_public_key,
      ...(cloud_init !== undefined && { cloud_init }),
      ...(flags.clusterName !== undefined && { cluster_name: flags.clusterName }),
      maxPricePerHour: flags.maxPrice,
      maxAttempts: flags.maxAttempts,
      timeoutMs: context.deadline().remainingMs(),
      cleanup: flags.keep ? "never" : "on-failure",
      ...(flags.interval !== undefined && { intervalMs: flags.interval, maxIntervalMs: flags.interval }),
      signal: interrupt.signal,
      onEvent: progress.onEvent,
    });
    progress.finish();
    printResult(context, result);
  } catch (error) {
    progress.finish();
    if (!(error instanceof AcquireError)) throw error;
    throw acquireFailure(context, error, reason, progress.lastSearch());
  } finally {
    stopListening();
  }
}

function printResult(context: CommandContext, result: AcquireResult): void {
  const output = context.format({ ...result, attempts: attemptsJson(result.attempts) }, () => renderOfferStatus(result.status));
  context.runtime.stdout.write(`${output}\n`);
  context.note(`\nRelease it with: cdesk down ${result.offer.offer_id} --wait`);
  noteSshCommands(context, result.status);
}
