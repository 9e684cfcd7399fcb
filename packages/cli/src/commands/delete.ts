import { waitForResourceDeleted } from "@cdesk/poller";
import type { Command } from "commander";
import type { CommandContext, Resource } from "../context.js";
import { renderResourceDetails } from "../format/resources.js";
import { renderDetails } from "../format/table.js";
import { addWaitOptions, waitWithProgress, type WaitFlags } from "../wait.js";
import { examples } from "./help.js";

/** `delete <resource-id>`: stop paying for a resource, optionally waiting until it is gone. */
export function registerDeleteCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("delete")
    .description("Delete a resource: it is terminated, billing stops")
    .argument("<resource-id>", "an id from `cdesk resources`")
    .option("--force", "delete even if the vendor reports an error (may leave things behind on the vendor)");
  addWaitOptions(command, "the resource is deleted")
    .addHelpText("after", "\nStages: deleting -> deleted. Volumes marked persistent are separate resources: delete them too.")
    .addHelpText(
      "after",
      examples(
        ["cdesk delete c7e9b1d3-...", "start the deletion"],
        ["cdesk delete c7e9b1d3-... --wait", "and wait until it is gone"],
      ),
    )
    .action(async (resourceId: string, flags: WaitFlags & { force?: boolean }) => {
      const cdesk = await context.client();
      const deletion = await cdesk.resources.delete(resourceId, { force: Boolean(flags.force) }, context.call());
      if (!flags.wait) {
        context.print(deletion, () =>
          renderDetails([
            ["Resource", deletion.resource_id],
            ["Status", deletion.status],
            ["Message", deletion.message],
          ]),
        );
        context.note(`\nFollow it with: cdesk resource ${resourceId}`);
        return;
      }
      const describe = (current: Resource) => [current.status, current.status_message].filter(Boolean).join(": ");
      await waitWithProgress<Resource, Resource | undefined>(
        context,
        flags,
        {
          title: `Deleting resource ${resourceId}: ${deletion.message}`,
          resume: () => `cdesk resource ${resourceId} --refresh`,
          describe,
          stage: (current) => String(current.status),
          done: (gone) => gone?.status ?? "deleted",
          // No resource means the API answered 404: it is gone altogether.
          output: (resource) =>
            context.format({ deletion, resource: resource ?? null }, () =>
              resource ? renderResourceDetails(resource) : `Resource ${resourceId} deleted.`,
            ),
        },
        (options) => waitForResourceDeleted(cdesk, resourceId, options()),
      );
    });
}
