/**
 * One client under test, reduced to the three calls the benchmark makes: a GET with a path
 * parameter, a POST with a JSON body, and a DELETE with a path parameter. Each contender file
 * default-exports a `CreateContender`, and is also the entry whose bundle size is measured.
 */
export interface Contender {
  /** `GET /offers/{offer_id}/status` */
  status(): Promise<unknown>;
  /** `POST /procure_offer` */
  procure(): Promise<unknown>;
  /** `DELETE /resources/{resource_id}` */
  remove(): Promise<unknown>;
}

export type CreateContender = (baseUrl: string, token: string) => Contender;

export const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";
export const PROCURE_BODY = {
  offer_id: OFFER_ID,
  ssh_public_key: "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example",
};

/** The `{ data, error }` result of openapi-fetch-style clients, as the data or a thrown error. */
export function unwrap<T>(result: { data?: T; error?: unknown }): T {
  if (result.error !== undefined) throw new Error(`request failed: ${JSON.stringify(result.error)}`);
  return result.data as T;
}
