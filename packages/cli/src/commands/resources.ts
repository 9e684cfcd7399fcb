import type { Command } from "commander";
import type { CommandContext } from "../context.js";
import { renderResourceDetails, renderResourcesTable } from "../format/resources.js";
import { examples } from "./help.js";

/** `resources` (your list) and `resource <id>` (one, optionally re-synced with the vendor). */
export function registerResourceCommands(program: Command, context: CommandContext): void {
  program
    .command("resources")
    .description("List what you have provisioned and pay for")
    .option("--offer <offer-id>", "only the resources created by this offer")
    .addHelpText(
      "after",
      examples(
        ["cdesk resources", "everything, with status, price and ssh command"],
        ["cdesk resources --offer 3f6c1a2e-...", "what one procurement created"],
      ),
    )
    .action(async (flags: { offer?: string }) => {
      const resources = await (await context.client()).resources.list(flags.offer ? { offer_id: flags.offer } : undefined, context.call());
      context.printList(resources, resources, () => renderResourcesTable(resources), "No resources.");
    });

  program
    .command("resource")
    .description("Show one resource: status, access, price, offers")
    .argument("<resource-id>", "an id from `cdesk resources`")
    .option("--refresh", "ask the vendor for the current state now (normally re-synced when older than 30s)")
    .addHelpText(
      "after",
      examples(["cdesk resource c7e9b1d3-...", "details"], ["cdesk resource c7e9b1d3-... --refresh", "fresh from the vendor"]),
    )
    .action(async (resourceId: string, flags: { refresh?: boolean }) => {
      const resource = await (await context.client()).resources.get(resourceId, { forceRefresh: Boolean(flags.refresh) }, context.call());
      context.print(resource, () => renderResourceDetails(resource));
    });
}
