import { usd } from "./money.js";
import { renderDetails, renderTable } from "./table.js";

/** The fields of a resource (`resources`, `resource <id>`) the CLI shows. */
export interface ResourceFields {
  resource_id: string;
  resource_type: string;
  vendor: string;
  vendor_region?: string | null;
  status?: string | null;
  name?: string | null;
  status_message?: string | null;
  access?: { external_ip?: string | null; internal_ip?: string | null; ssh_command?: string | null } | null;
  offer_history?: { offer_id?: string }[] | null;
  pricing_total_hourly?: number | null;
  created_at?: string | null;
  valid_to?: string | null;
  last_synced_at?: string | null;
}

/** The `resources` table: one row per resource, with how to reach it. */
export function renderResourcesTable(resources: readonly ResourceFields[]): string {
  return renderTable(
    [
      { header: "RESOURCE ID" },
      { header: "TYPE" },
      { header: "NAME" },
      { header: "VENDOR" },
      { header: "STATUS" },
      { header: "PRICE/H", align: "right" },
      { header: "SSH" },
    ],
    resources.map((resource) => [
      resource.resource_id,
      resource.resource_type,
      resource.name ?? "-",
      resource.vendor_region ? `${resource.vendor} (${resource.vendor_region})` : resource.vendor,
      resource.status ?? "-",
      usd(resource.pricing_total_hourly),
      resource.access?.ssh_command ?? "-",
    ]),
  );
}

/** The `resource <id>` view. */
export function renderResourceDetails(resource: ResourceFields): string {
  return renderDetails([
    ["Resource", resource.resource_id],
    ["Type", resource.resource_type],
    ["Name", resource.name],
    ["Status", resource.status],
    ["Message", resource.status_message],
    ["Vendor", resource.vendor_region ? `${resource.vendor} (${resource.vendor_region})` : resource.vendor],
    ["Price", typeof resource.pricing_total_hourly === "number" ? `${usd(resource.pricing_total_hourly)}/hour` : null],
    ["SSH", resource.access?.ssh_command],
    ["External IP", resource.access?.external_ip],
    ["Internal IP", resource.access?.internal_ip],
    ["Created at", resource.created_at],
    ["Ended at", resource.valid_to],
    ["Last synced", resource.last_synced_at],
    ["From offers", resource.offer_history?.map((entry) => entry.offer_id).join(", ")],
  ]);
}
