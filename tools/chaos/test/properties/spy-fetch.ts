/** A client whose `fetch` records every request and answers `answer`: nothing leaves the process. */
import { createCdeskClient } from "@cdesk/client";
import { refusedPort } from "./refused-port.js";

// Should a request ever bypass the spy, it meets a refused connection, not a real service.
const baseUrl = `http://127.0.0.1:${await refusedPort()}`;

export function clientWithSpyFetch(answer: unknown = { offers: [], total_count: 0 }) {
  const requests: { method: string; url: string; contentType: string | null; body: string }[] = [];
  const cdesk = createCdeskClient({
    token: "property-token",
    baseUrl,
    logLevel: "off",
    fetch: async (url, init) => {
      const request = new Request(url, init);
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
