import type { Command } from "commander";
import type { CdeskClient, CommandContext } from "../context.js";
import { renderGpus, renderListing } from "../format/catalog.js";
import { examples } from "./help.js";

type Catalog = CdeskClient["catalog"];

const LISTINGS: { name: string; method: Exclude<keyof Catalog, "gpus">; description: string; use: string }[] = [
  { name: "vendors", method: "vendors", description: "Cloud vendors that can provision machines", use: "one per line; pass one to `cdesk offers --vendor`" },
  { name: "regions", method: "regions", description: "Region groups (US, EU, APAC, ...)", use: "one per line; pass one to `cdesk offers --region`" },
  {
    name: "contracts",
    method: "contracts",
    description: "Contract types: ondemand, or cheaper interruptible spot",
    use: "one per line; pass one to `cdesk offers --contract`",
  },
  {
    name: "storage",
    method: "storage",
    description: "Storage per vendor and region, with prices",
    use: "a table; put a type in the storage: list of a query file (`cdesk offers -f`)",
  },
];

/** `gpus`, `vendors`, `regions`, `contracts`, `storage`: what you can put in an offer search. */
export function registerCatalogCommands(program: Command, context: CommandContext): void {
  program
    .command("gpus")
    .description("GPU types you can ask for: families (H100) and variants")
    .addHelpText(
      "after",
      examples(
        ["cdesk gpus", "families and variants, as a table"],
        ["cdesk gpus --json", "the same as JSON, for scripts"],
        ["cdesk offers --gpu H100", "then search offers for a family (or an exact variant)"],
      ),
    )
    .action(async () => {
      const gpus = await (await context.client()).catalog.gpus(context.call());
      context.print(gpus, () => renderGpus(gpus as Record<string, string[]>));
    });

  for (const listing of LISTINGS) {
    program
      .command(listing.name)
      .description(listing.description)
      .addHelpText(
        "after",
        examples([`cdesk ${listing.name}`, listing.use], [`cdesk ${listing.name} --json`, "as JSON"]),
      )
      .action(async () => {
        const result: unknown = await (await context.client()).catalog[listing.method](context.call());
        context.print(result, () => renderListing(result));
      });
  }
}
