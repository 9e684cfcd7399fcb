/**
 * What the benchmark's server answers, serialised once: the spec's `ready` status,
 * `provisioning_in_progress` procure and `deleting` delete examples. Shared by the HTTP server and
 * the in-memory fetch, so both workloads parse the same bytes.
 */
const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";

const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
// The spec's `ready`, `provisioning_in_progress` and `deleting` examples.
const STATUS_READY = json({
  offer_id: OFFER_ID,
  status: "procured",
  created_at: "2026-11-29T10:00:00Z",
  procurement_status: "ready",
  instances: [{ external_ip: "203.0.113.10", ssh_command: "ssh root@203.0.113.10", status: "running" }],
  resource_ids: [RESOURCE_ID],
  progress: "1/1 instances running",
  failure_reason: null,
  procured_at: "2026-11-29T10:05:00Z",
});
const PROCURE_ACCEPTED = json({
  offer_id: OFFER_ID,
  status: "provisioning_in_progress",
  procured_at: "2026-11-29T10:05:00Z",
  resource_ids: [RESOURCE_ID],
  error: null,
});
const DELETE_STARTED = json({ resource_id: RESOURCE_ID, status: "deleting", message: "Resource deletion initiated" });
const NOT_FOUND = json({ detail: "Not Found" });

/** Status and body for a request, by method and path (no query string). */
export function route(method: string | undefined, path: string): [number, Uint8Array<ArrayBuffer>] {
  if (method === "GET" && path === `/offers/${OFFER_ID}/status`) return [200, STATUS_READY];
  if (method === "POST" && path === "/procure_offer") return [200, PROCURE_ACCEPTED];
  if (method === "DELETE" && path === `/resources/${RESOURCE_ID}`) return [200, DELETE_STARTED];
  return [404, NOT_FOUND];
}

