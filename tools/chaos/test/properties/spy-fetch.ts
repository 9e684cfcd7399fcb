/** A client whose `fetch` records every request and answers `answer`: nothing leaves the process. */
import { createCdeskClient } from "@cdesk/client";

export function clientWithSpyFetch(answer: unknown = { offers: [], total_count: 0 }) {
  const requests: { method: string; url: string; contentType: string | null; body: string }[] = [];
  const cdesk = createCdeskClient({
    token: "property-token",
    baseUrl: "http://127.0.0.1:9",
    logLevel: "off",
    fetch: async (request) => {
      requests.push({
        method: request.method,
        url: request.url,
        contentType: request.headers.get("content-type"),
        body: await request.text(),
      });
      return new Response(JSON.stringify(answer), { headers: { "content-type": "application/json" } });
    },
  });
  return { cdesk, requests };
}
