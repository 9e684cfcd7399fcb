import { UsageError } from "./errors.js";

/** The `offers` flags that describe what you need. */
export interface OfferFlags {
  gpu?: string;
  count?: number;
  maxPrice?: number;
  contract?: string;
  region?: string;
  vendor?: string;
}

/** The typed body of `POST /get_offers` the flags stand for (the client sends it as YAML). */
export interface OffersQueryObject {
  region?: string;
  vendor?: string;
  compute?: {
    gpu_type: string;
    gpu_count?: number;
    max_price_per_gpu_hour?: number;
    contract_type?: string;
  };
}

/**
 * Turns the `offers` flags into a query. The API needs a GPU type for any compute requirement,
 * so count, price and contract without `--gpu` are a usage error rather than a confusing 422.
 */
export function buildOffersQuery(flags: OfferFlags): OffersQueryObject {
  const { gpu, count, maxPrice, contract, region, vendor } = flags;
  const computeFlags = [
    count !== undefined && "--count",
    maxPrice !== undefined && "--max-price",
    contract !== undefined && "--contract",
  ].filter(Boolean);
  if (gpu === undefined) {
    const given = computeFlags.length > 0 ? ` (${computeFlags.join(", ")} need${computeFlags.length === 1 ? "s" : ""} it)` : "";
    throw new UsageError(
      `Say which GPU you need with --gpu${given}, e.g. --gpu H100 (\`cdesk gpus\` lists them), or describe the query in a file with -f query.yaml.`,
    );
  }
  const query: OffersQueryObject = { compute: { gpu_type: gpu } };
  if (count !== undefined) query.compute!.gpu_count = count;
  if (maxPrice !== undefined) query.compute!.max_price_per_gpu_hour = maxPrice;
  if (contract !== undefined) query.compute!.contract_type = contract;
  if (region !== undefined) query.region = region;
  if (vendor !== undefined) query.vendor = vendor;
  return query;
}
