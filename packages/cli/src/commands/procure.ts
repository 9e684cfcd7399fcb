import { procureAndWait, ProvisioningFailedError, type ProcureAndWaitResult } from "@cdesk/poller";
import type { Command } from "commander";
import type { CommandContext, OfferStatus } from "../context.js";
import { renderDetails } from "../format/table.js";
import { describeStage, renderOfferStatus } from "../format/status.js";
import { readFlagFile, readPublicKey } from "../input-files.js";
import { addWaitOptions, waitWithProgress, type WaitFlags } from "../wait.js";
import { examples } from "./help.js";
import { noteSshCommands } from "./status.js";

interface ProcureFlags extends WaitFlags {
  sshKey: string;
  cloudInit?: string;
  clusterName?: string;
}

/** `procure <offer-id>`: rent the machine(s) of an offer, optionally waiting until they are ready. */
export function registerProcureCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("procure")
    .description("Rent an offer's machines (billed until you delete them)")
    .argument("<offer-id>", "an id from `cdesk offers` (offers expire 30 minutes after they are made)")
    .requiredOption("--ssh-key <file>", "your public key file, installed on the machines (e.g. ~/.ssh/id_ed25519.pub)")
    .option("--cloud-init <file>", "a script run at first boot; starts with #cloud-config or #!/ (max 64 KB)")
    .option("--cluster-name <name>", "name for a cluster (cluster offers only; generated when left out)");
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
      const body = {
        offer_id: offerId,
        ssh_public_key: await readPublicKey(context.runtime, flags.sshKey),
        ...(flags.cloudInit && { cloud_init: await readFlagFile(context.runtime, "--cloud-init", flags.cloudInit) }),
        ...(flags.clusterName && { cluster_name: flags.clusterName }),
      };
      const cdesk = await context.client();
      if (!flags.wait) {
        const procurement = await cdesk.offers.procure(body);
        context.print(procurement, () =>
          renderDetails([
            ["Offer", procurement.offer_id],
            ["Status", procurement.status],
            ["Procured at", procurement.procured_at],
            ["Resources", procurement.resource_ids?.join(", ")],
            ["Error", procurement.error],
          ]),
        );
        if (procurement.status === "failed") {
          throw new ProvisioningFailedError(procurement.error ?? "the vendor refused the procurement", { procurement });
        }
        context.note(`\nFollow it with: cdesk status ${offerId} --wait`);
        return;
      }
      const result = await waitWithProgress<OfferStatus, ProcureAndWaitResult>(
        context.runtime,
        flags,
        {
          title: `Procuring offer ${offerId} and waiting until it is ready`,
          resume: `cdesk status ${offerId} --wait`,
          describe: describeStage,
          done: ({ status }) => describeStage(status),
        },
        (options) => procureAndWait(cdesk, body, options),
      );
      context.print(result, () => renderOfferStatus(result.status));
      noteSshCommands(context, result.status);
    });
}
