/** Every operation through openapi-fetch and @cdesk/types: the type-check time of a typical consumer. */
import type { paths } from "@cdesk/types";
import createClient from "openapi-fetch";
import { OFFER_ID, QUERY, RESOURCE_ID, SSH_KEY } from "./query.js";

const api = createClient<paths>({ baseUrl: "http://127.0.0.1:4010", headers: { authorization: "Bearer t" } });

export async function everyOperation(): Promise<unknown[]> {
  const gpus = await api.GET("/available_gpus");
  const vendors = await api.GET("/available_vendors");
  const regions = await api.GET("/available_regions");
  const contracts = await api.GET("/available_contracts");
  const storage = await api.GET("/available_storage");
  const offers = await api.POST("/get_offers", { body: QUERY, bodySerializer: (body) => JSON.stringify(body) });
  const offer = await api.GET("/offers/{offer_id}", { params: { path: { offer_id: OFFER_ID } } });
  const status = await api.GET("/offers/{offer_id}/status", { params: { path: { offer_id: OFFER_ID } } });
  const procured = await api.POST("/procure_offer", { body: { offer_id: OFFER_ID, ssh_public_key: SSH_KEY } });
  const resources = await api.GET("/resources", { params: { query: { offer_id: OFFER_ID } } });
  const resource = await api.GET("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID }, query: { force_refresh: true } } });
  const deleted = await api.DELETE("/resources/{resource_id}", { params: { path: { resource_id: RESOURCE_ID } } });
  return [
    Object.keys(gpus.data ?? {}).join(),
    String(vendors.data),
    String(regions.data),
    String(contracts.data),
    String(storage.data),
    offers.data?.offers[0]?.offer_id ?? "",
    offer.data?.status ?? "",
    status.data?.procurement_status ?? "",
    procured.data?.status ?? "",
    resources.data?.[0]?.resource_id ?? "",
    resource.data?.status ?? "",
    deleted.data?.message ?? "",
  ];
}
