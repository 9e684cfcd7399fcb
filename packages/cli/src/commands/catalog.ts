import type { Command } from "commander";
import type { CdeskClient, CommandContext } from "../context.js";
import { renderGpus, renderListing } from "../format/catalog.js";
import { examples } from "./help.js";

type Catalog = CdeskClient["catalog"];

const LISTINGS: { name: string; method: Exclude<keyof Catalog, "gpus">; description: string; useAs: string }[] = [
  { name: "vendors", method: "vendors", description: "Cloud vendors that can provision machines", useAs: "--vendor" },
  { name: "regions", method: "regions", description: "Region groups (US, EU, APAC, ...)", useAs: "--region" },
  { name: "contracts", method: "contracts", description: "Contract types: ondemand, or cheaper interruptible spot", useAs: "--contract" },
  { name: "storage", method: "storage", description: "Storage per vendor and region, with prices", useAs: "a query file's storage:" },
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
      const gpus = await (await context.client()).catalog.gpus();
      context.print(gpus, () => renderGpus(gpus as Record<string, string[]>));
    });

  for (const listing of LISTINGS) {
    program
      .command(listing.name)
      .description(listing.description)
      .addHelpText(
        "after",
        examples([`cdesk ${listing.name}`, `one per line; use a value with \`cdesk offers\` ${listing.useAs}`], [`cdesk ${listing.name} --json`, "as JSON"]),
      )
      .action(async () => {
        const result: unknown = await (await context.client()).catalog[listing.method]();
        context.print(result, () => renderListing(result));
      });
  }
}
