import { waitForOfferReady } from "@cdesk/poller";
import type { Command } from "commander";
import type { CommandContext, OfferStatus } from "../context.js";
import { describeStage, renderOfferStatus, sshCommands, stageLabel } from "../format/status.js";
import { addWaitOptions, waitWithProgress, type WaitFlags } from "../wait.js";
import { examples } from "./help.js";

/** `status <offer-id>`: where a procurement stands, optionally waiting until it is ready. */
export function registerStatusCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("status")
    .description("Show how far a procured offer is: stage, instances, ssh")
    .argument("<offer-id>", "the offer you procured");
  addWaitOptions(command, "it is ready (exit code 3 if it fails)")
    .addHelpText("after", "\nStages: provisioning started -> provisioning in progress -> ready (or failed).")
    .addHelpText(
      "after",
      examples(
        ["cdesk status 3f6c1a2e-...", "the current stage, instances and ssh commands"],
        ["cdesk status 3f6c1a2e-... --wait", "wait until ready, showing each stage"],
        ["cdesk status 3f6c1a2e-... --wait --timeout 10m --json", "in a script: JSON once ready, exit 4 after 10 minutes"],
      ),
    )
    .action(async (offerId: string, flags: WaitFlags) => {
      const cdesk = await context.client();
      if (!flags.wait) {
        const status = await cdesk.offers.status(offerId, context.call());
        context.print(status, () => renderOfferStatus(status));
        noteSshCommands(context, status);
        return;
      }
      let ready: OfferStatus | undefined;
      await waitWithProgress<OfferStatus, OfferStatus>(
        context,
        flags,
        {
          title: `Waiting for offer ${offerId} to be ready`,
          resume: () => `cdesk status ${offerId} --wait`,
          describe: describeStage,
          stage: (status) => stageLabel(status.procurement_status),
          done: describeStage,
          output: (status) => context.format(status, () => renderOfferStatus(status)),
        },
        async (options) => (ready = await waitForOfferReady(cdesk, offerId, options())),
      );
      if (ready) noteSshCommands(context, ready);
    });
}

/** Once instances are ready, the next thing people want is the ssh command; say it last, on stderr. */
export function noteSshCommands(context: CommandContext, status: Parameters<typeof sshCommands>[0]): void {
  const ssh = sshCommands(status);
  if (ssh.length > 0) context.note(`\nConnect with: ${ssh.join("\n              ")}`);
}
