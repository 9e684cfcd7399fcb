import { CdeskError, createCdeskClient } from "@cdesk/client";

const form = document.querySelector<HTMLFormElement>("#search")!;
const message = document.querySelector<HTMLElement>("#message")!;
const rows = document.querySelector<HTMLTableSectionElement>("#offers tbody")!;

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const fields = new FormData(form);
  const field = (name: string) => String(fields.get(name) ?? "").trim();
  message.textContent = "Searching...";
  rows.replaceChildren();
  try {
    // In a browser there is no process.env: pass the options. The token stays in this page.
    const cdesk = createCdeskClient({ baseUrl: field("baseUrl"), token: field("token") });
    const { offers } = await cdesk.offers.search({ compute: { gpu_type: field("gpuType") } });
    for (const offer of offers) {
      const row = rows.insertRow();
      for (const text of [offer.offer_id, offer.gpu_type, offer.vendor, offer.region, offer.total_price_per_hour]) {
        row.insertCell().textContent = String(text ?? "");
      }
    }
    message.textContent = `${offers.length} offers`;
  } catch (error) {
    // Every failure of the client is a CdeskError with a one-line message (never the token).
    message.textContent = error instanceof CdeskError ? error.message : String(error);
  }
});
