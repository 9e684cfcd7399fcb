import { createCdeskClient } from "@cdesk/client";

const price = (offer: { total_price_per_hour?: number | null }) => offer.total_price_per_hour ?? Number.POSITIVE_INFINITY;

/** The id of the cheapest offer of a GPU type, or undefined when there is none. */
export async function cheapestOfferId(baseUrl: string, token: string, gpuType: string): Promise<string | undefined> {
  const client = createCdeskClient({ baseUrl, token });
  const { offers } = await client.offers.search({ compute: { gpu_type: gpuType } });
  return [...offers].sort((a, b) => price(a) - price(b))[0]?.offer_id;
}
