import { Option, type Command } from "commander";
import { positiveInteger, positiveNumber } from "../arg-parsers.js";
import type { CommandContext } from "../context.js";
import { renderOfferDetails, renderOffersTable } from "../format/offers.js";
import { readFlagFile } from "../input-files.js";
import { buildOffersQuery, type OfferFlags } from "../query.js";
import { examples } from "./help.js";

const QUERY_FLAGS = ["gpu", "count", "maxPrice", "region", "vendor", "contract"];

/** `offers` (search) and `offer <id>` (one offer). */
export function registerOfferCommands(program: Command, context: CommandContext): void {
  program
    .command("offers")
    .description("Search offers that meet your needs, cheapest first")
    .option("--gpu <type>", 'GPU family or exact variant, "|" for several (see `cdesk gpus`), e.g. H100 or "H100 | A100"')
    .option("--count <n>", "GPUs per offer (server default: 1)", positiveInteger)
    .option("--max-price <usd>", "highest price per GPU per hour, in USD", positiveNumber)
    .option("--region <region>", "region group, e.g. EU (see `cdesk regions`)")
    .option("--vendor <vendor>", "only this vendor (see `cdesk vendors`)")
    .option("--contract <type>", "ondemand or spot (default: both)")
    .addOption(
      new Option("-f, --file <query.yaml>", "the whole query as a YAML file (storage, network, boot disk, ...) instead of flags").conflicts(
        QUERY_FLAGS,
      ),
    )
    .addHelpText(
      "after",
      `${examples(
        ["cdesk offers --gpu H100", "every H100 offer"],
        ["cdesk offers --gpu H100 --count 8 --max-price 3 --region EU", "8x H100 in the EU, at most $3 per GPU hour"],
        ['cdesk offers --gpu "H100 | A100" --contract spot', "spot offers for either family"],
        ["cdesk offers -f query.yaml --json", "a query file, JSON out (e.g. pipe to jq)"],
      )}
Each offer expires 30 minutes after it is made (see EXPIRES IN): procure soon after searching.
A query file is the API's YAML query, e.g.:
  region: EU
  compute:
    gpu_type: H100
    gpu_count: 1
    max_price_per_gpu_hour: 5
  storage:
    - type: block_disk
      size: 500GB
`,
    )
    .action(async (flags: OfferFlags & { file?: string }) => {
      const query = flags.file ? await readFlagFile(context.runtime, "--file", flags.file) : buildOffersQuery(flags);
      const result = await (await context.client()).offers.search(query, context.call());
      context.printList(
        result,
        result.offers,
        () => renderOffersTable(result.offers, context.runtime.now()),
        "No offer matches. Try a higher --max-price, another --region, or check names with `cdesk gpus`.",
      );
      if (result.offers.length > 0) {
        context.note("\nProcure one with: cdesk procure <offer-id> --ssh-key ~/.ssh/id_ed25519.pub --wait");
      }
    });

  program
    .command("offer")
    .description("Show one offer: hardware, price, time left, status")
    .argument("<offer-id>", "an id from `cdesk offers`")
    .addHelpText("after", examples(["cdesk offer 3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11", "details of one offer"]))
    .action(async (offerId: string) => {
      const offer = await (await context.client()).offers.get(offerId, context.call());
      context.print(offer, () => renderOfferDetails(offer, context.runtime.now()));
    });
}
