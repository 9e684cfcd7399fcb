/** Hand-written fetch calls: the floor every client is measured against. */
import { OFFER_ID, PROCURE_BODY, RESOURCE_ID, type CreateContender } from "./contender.js";

const createPlainFetch: CreateContender = (baseUrl, token) => {
  const authorization = `Bearer ${token}`;
  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: body === undefined ? { authorization } : { authorization, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${path} failed with ${res.status}`);
    return res.json();
  }
  return {
    status: () => call("GET", `/offers/${encodeURIComponent(OFFER_ID)}/status`),
    procure: () => call("POST", "/procure_offer", PROCURE_BODY),
    remove: () => call("DELETE", `/resources/${encodeURIComponent(RESOURCE_ID)}`),
  };
};
export default createPlainFetch;
