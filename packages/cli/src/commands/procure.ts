import { ProvisioningFailedError, waitForOfferReady } from "@cdesk/poller";
import type { Command } from "commander";
import { DEFAULT_WAIT_TIMEOUT_MS, setDefaultTimeout, type CdeskClient, type CommandContext, type OfferStatus } from "../context.js";
import { HintedError } from "../errors.js";
import { outcomeUnknown } from "../explain.js";
import { renderDetails } from "../format/table.js";
import { describeStage, renderOfferStatus, stageLabel } from "../format/status.js";
import { readFlagFile, readPublicKey } from "../input-files.js";
import { addWaitOptions, waitWithProgress, type WaitFlags } from "../wait.js";
import { examples } from "./help.js";
import { noteSshCommands } from "./status.js";

interface ProcureFlags extends WaitFlags {
  sshKey: string;
  cloudInit?: string;
  clusterName?: string;
}

type ProcureBody = Parameters<CdeskClient["offers"]["procure"]>[0];
type Procurement = Awaited<ReturnType<CdeskClient["offers"]["procure"]>>;

/** `procure <offer-id>`: rent the machine(s) of an offer, optionally waiting until they are ready. */
export function registerProcureCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("procure")
    .description("Rent an offer's machines (billed until you delete them)")
    .argument("<offer-id>", "an id from `cdesk offers` (offers expire 30 minutes after they are made)")
    .requiredOption("--ssh-key <file>", "your public key file, installed on the machines (e.g. ~/.ssh/id_ed25519.pub)")
    .option("--cloud-init <file>", "a script run at first boot; starts with #cloud-config or #!/ (max 64 KB)")
    .option("--cluster-name <name>", "name for a cluster (cluster offers only; generated when left out)");
  // A purchase cut short has an unknown outcome: give it as long as a wait.
  setDefaultTimeout(command, DEFAULT_WAIT_TIMEOUT_MS);
  addWaitOptions(command, "the machines are ready and print their ssh commands")
    .addHelpText(
      "after",
      examples(
        ["cdesk procure 3f6c1a2e-... --ssh-key ~/.ssh/id_ed25519.pub --wait", "rent and wait until ready"],
        ["cdesk procure 3f6c1a2e-... --ssh-key key.pub --cloud-init setup.sh", "rent with a boot script, do not wait"],
        ["cdesk status 3f6c1a2e-... --wait", "wait later (or again, after Ctrl-C)"],
      ),
    )
    .action(async (offerId: string, flags: ProcureFlags) => {
      const body: ProcureBody = {
        offer_id: offerId,
        ssh_public_key: await readPublicKey(context.runtime, flags.sshKey),
        ...(flags.cloudInit && { cloud_init: await readFlagFile(context.runtime, "--cloud-init", flags.cloudInit) }),
        ...(flags.clusterName && { cluster_name: flags.clusterName }),
      };
      const cdesk = await context.client();
      if (!flags.wait) {
        const procurement = await procure(context, cdesk, body);
        context.print(procurement, () => renderProcurement(procurement));
        failIfRefused(procurement);
        context.note(`\nFollow it with: cdesk status ${offerId} --wait`);
        return;
      }
      let procured = false;
      let ready: OfferStatus | undefined;
      await waitWithProgress<OfferStatus, { procurement: Procurement; status: OfferStatus }>(
        context,
        flags,
        {
          title: `Procuring offer ${offerId} and waiting until it is ready`,
          // Until the procure call answered, there is no procurement to resume.
          resume: () => (procured ? `cdesk status ${offerId} --wait` : undefined),
          describe: describeStage,
          stage: (status) => stageLabel(status.procurement_status),
          done: ({ status }) => describeStage(status),
          output: (result) => context.format(result, () => renderOfferStatus(result.status)),
        },
        async (options) => {
          const procurement = await procure(context, cdesk, body);
          failIfRefused(procurement);
          procured = true;
          ready = await waitForOfferReady(cdesk, procurement.offer_id || offerId, options());
          return { procurement, status: ready };
        },
      );
      if (ready) noteSshCommands(context, ready);
    });
}

/**
 * One procure call. When it fails in a way that may still have bought the machines (a timeout, a
 * 5xx, a connection cut after sending, the deadline), the one hint names the offer to check.
 */
async function procure(context: CommandContext, cdesk: CdeskClient, body: ProcureBody): Promise<Procurement> {
  try {
    return await cdesk.offers.procure(body, context.call());
  } catch (error) {
    const cutShort = error instanceof Error && error.name === "AbortError";
    if (!outcomeUnknown(error) && !cutShort) throw error;
    throw new HintedError(
      error,
      `The procurement may have gone through: check with \`cdesk status ${body.offer_id}\` before procuring again.`,
    );
  }
}

function failIfRefused(procurement: Procurement): void {
  if (String(procurement.status).toLowerCase() !== "failed") return;
  const reason = typeof procurement.error === "string" && procurement.error ? procurement.error : "the vendor refused the procurement";
  throw new ProvisioningFailedError(reason, { procurement });
}

function renderProcurement(procurement: Procurement): string {
  return renderDetails([
    ["Offer", procurement.offer_id],
    ["Status", procurement.status],
    ["Procured at", procurement.procured_at],
    ["Resources", procurement.resource_ids?.join(", ")],
    ["Error", typeof procurement.error === "string" ? procurement.error : procurement.error && JSON.stringify(procurement.error)],
  ]);
}
