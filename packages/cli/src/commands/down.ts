import { CdeskApiError } from "@cdesk/client";
import { waitForResourceDeleted } from "@cdesk/poller";
import type { Command } from "commander";
import type { CdeskClient, CommandContext, Resource } from "../context.js";
import { renderTable } from "../format/table.js";
import { addWaitOptions, waitWithProgress, type WaitFlags } from "../wait.js";
import { examples } from "./help.js";

type ListedResource = Awaited<ReturnType<CdeskClient["resources"]["list"]>>[number];

/** What `down` did to one resource. */
interface Teardown {
  resource_id: string;
  resource_type: string;
  /** `deleting` (the delete was accepted), `deleted` (confirmed gone, or gone before). */
  status: string;
}

/** `down <offer-id>`: delete every resource of an offer (force), optionally waiting until they are gone. */
export function registerDownCommand(program: Command, context: CommandContext): void {
  const command = program
    .command("down")
    .description("Delete every resource of an offer (force): billing stops")
    .argument("<offer-id>", "the offer you procured (`cdesk up` prints it)");
  addWaitOptions(command, "every resource is deleted")
    .addHelpText(
      "after",
      examples(
        ["cdesk down 3f6c1a2e-... --wait", "release what `cdesk up` got, and wait until it is gone"],
        ["cdesk down 3f6c1a2e-... --json", "start the deletions; JSON for scripts"],
      ),
    )
    .action(async (offerId: string, flags: WaitFlags) => {
      const cdesk = await context.client();
      const resources = await cdesk.resources.list({ offer_id: offerId }, context.call());
      const teardowns = await Promise.all(resources.map((resource) => tearDown(cdesk, resource, context)));
      const print = (list: Teardown[]) =>
        context.printList({ offer_id: offerId, resources: list }, list, () => renderTeardowns(list), `Offer ${offerId} has no resources.`);
      const pending = teardowns.filter((teardown) => teardown.status !== "deleted");
      if (!flags.wait || pending.length === 0) {
        print(teardowns);
        if (pending.length > 0) context.note(`\nFollow it with: cdesk down ${offerId} --wait`);
        return;
      }
      await waitWithProgress<Resource, Teardown[]>(
        context,
        flags,
        {
          title: `Deleting ${pending.map((teardown) => teardown.resource_id).join(", ")} (offer ${offerId})`,
          // A delete sent twice answers 409, which counts as deleting: running `down` again is safe.
          resume: () => `cdesk down ${offerId} --wait`,
          describe: (resource) => `${resource.resource_id} ${resource.status ?? ""}`,
          stage: (resource) => `${resource.resource_id} ${resource.status ?? ""}`,
          done: (list) => `${list.length} resource${list.length === 1 ? "" : "s"} deleted`,
          output: (list) => context.format({ offer_id: offerId, resources: list }, () => renderTeardowns(list)),
        },
        async (options) => {
          await Promise.all(
            pending.map(async (teardown) => {
              await waitForResourceDeleted(cdesk, teardown.resource_id, options());
              teardown.status = "deleted";
            }),
          );
          return teardowns;
        },
      );
    });
}

/** Deletes one resource (force). One deleted before, or already being deleted (409), is not an error: `down` is safe to repeat. */
async function tearDown(cdesk: CdeskClient, resource: ListedResource, context: CommandContext): Promise<Teardown> {
  const base = { resource_id: resource.resource_id, resource_type: resource.resource_type };
  if (resource.status === "deleted") return { ...base, status: "deleted" };
  try {
    const deletion = await cdesk.resources.delete(resource.resource_id, { force: true }, context.call());
    return { ...base, status: deletion.status === "deleted" ? "deleted" : "deleting" };
  } catch (error) {
    const status = error instanceof CdeskApiError ? error.status : undefined;
    if (status === 404) return { ...base, status: "deleted" };
    if (status === 409) return { ...base, status: "deleting" };
    throw error;
  }
}

function renderTeardowns(list: readonly Teardown[]): string {
  return renderTable(
    [{ header: "RESOURCE ID" }, { header: "TYPE" }, { header: "STATUS" }],
    list.map((teardown) => [teardown.resource_id, teardown.resource_type, teardown.status]),
  );
}
