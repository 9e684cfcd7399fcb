import type { OfferStatusResponse, Resource, components } from "@cdesk/types";
import type { OfferRecord, ResourceRecord, Timing } from "./records.js";
import { isExpired, resourceStateAt, stageAt, type ResourceState } from "./timeline.js";

type OfferDetails = components["schemas"]["OfferDetails"];

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");

/** GET /offers/{id}: the offer as it is at time `t`. */
export function offerDetails(record: OfferRecord, t: number, timing: Timing): OfferDetails {
  const o = record.offer;
  return {
    offer_id: o.offer_id,
    gpu_type: o.gpu_type,
    gpu_family: o.gpu_family,
    gpu_count: o.gpu_count,
    vendor: o.vendor,
    region: o.region,
    status: lifecycle(record, t, timing),
    created_at: o.created_at,
    contract_type: o.contract_type ?? null,
    gpu_price_per_hour: o.gpu_price_per_hour ?? null,
    boot_disk_in_gb: o.boot_disk_in_gb ?? null,
    vcpu_count: o.vcpu_count ?? null,
    memory_in_gb: o.memory_in_gb ?? null,
    total_price_per_hour: o.total_price_per_hour ?? null,
    expires_at: o.expires_at ?? null,
    procured_at: record.procurement && record.procurement.fate !== "procure" ? iso(record.procurement.atMs) : null,
  };
}

function lifecycle(record: OfferRecord, t: number, timing: Timing): string {
  if (!record.procurement) return isExpired(record, t) ? "expired" : "available";
  return stageAt(record.procurement, t, timing).stage === "failed" ? "failed" : "procured";
}

/** GET /offers/{id}/status at time `t`. */
export function offerStatus(record: OfferRecord, resources: ResourceRecord[], t: number, timing: Timing): OfferStatusResponse {
  const base = {
    offer_id: record.offer.offer_id,
    status: lifecycle(record, t, timing),
    created_at: record.offer.created_at,
  };
  const p = record.procurement;
  if (!p) {
    return { ...base, procurement_status: "available", instances: [], resource_ids: [], progress: null, failure_reason: null, procured_at: null };
  }
  const { stage } = stageAt(p, t, timing);
  const vms = resources.filter((r) => r.kind === "vm");
  const running = vms.filter((r) => resourceStateAt(r, record, t, timing).state === "running");
  const instances =
    stage === "provisioning_in_progress"
      ? vms.map(() => ({ external_ip: null, ssh_command: null, status: "booting" }))
      : stage === "ready"
        ? vms.map((r) => {
            const state = resourceStateAt(r, record, t, timing).state;
            const reachable = state === "running";
            return { external_ip: reachable ? r.externalIp : null, ssh_command: reachable ? sshCommand(r) : null, status: instanceStatus(state) };
          })
        : [];
  const progress =
    stage === "provisioning_started"
      ? "Waiting for the vendor to accept the request"
      : stage === "failed"
        ? null
        : `${running.length}/${vms.length} instances running`;
  return {
    ...base,
    procurement_status: stage,
    instances,
    resource_ids: [...p.resourceIds],
    progress,
    failure_reason: stage === "failed" ? failureReason(record, resources) : null,
    procured_at: p.fate === "procure" ? null : iso(p.atMs),
  };
}

function instanceStatus(state: ResourceState): string {
  return state === "deleted" ? "terminated" : state;
}

function sshCommand(r: ResourceRecord): string {
  return `ssh root@${r.externalIp}`;
}

/** Why a procurement failed, and what became of each resource it had created. */
export function failureReason(record: OfferRecord, resources: ResourceRecord[]): string {
  const o = record.offer;
  const fate = record.procurement!.fate;
  const where = o.vendor_region ?? o.region;
  if (fate === "procure") return `Vendor rejected the request: quota exceeded for ${o.gpu_family} in ${where}`;
  const vms = resources.filter((r) => r.kind === "vm").map((r) => r.id);
  const volumes = resources.filter((r) => r.kind === "storage").map((r) => r.id);
  const kept = volumes.length ? `; persistent volume(s) ${volumes.join(", ")} kept: delete them separately` : "";
  if (fate === "capacity") {
    return `Vendor capacity exhausted in ${where}: no ${o.gpu_family} available; resource(s) ${vms.join(", ")} released (deleted)${kept}`;
  }
  return `Instance failed to boot on ${o.vendor} in ${where}; resource(s) ${vms.join(", ")} left in status failed: delete them${kept}`;
}

const STATUS_MESSAGES: Record<ResourceState, string> = {
  provisioning: "Instance is being provisioned",
  running: "Instance is running",
  available: "Volume is available",
  failed: "Provisioning failed on vendor; delete this resource to release it",
  deleting: "Terminating instance on vendor",
  deleted: "Instance terminated",
};

/** A resource as the vendor reported it at time `t` (its last reconciliation). */
export function resourceView(r: ResourceRecord, record: OfferRecord, t: number, timing: Timing): Resource {
  const { state, deletedMs } = resourceStateAt(r, record, t, timing);
  const o = record.offer;
  const live = state === "running";
  const perNode = o.gpus_per_node ?? o.gpu_count;
  return {
    resource_id: r.id,
    resource_type: r.kind,
    vendor: o.vendor,
    vendor_region: o.vendor_region ?? null,
    status: state,
    created_at: iso(r.createdMs),
    name: r.name,
    status_message: STATUS_MESSAGES[state],
    access: live ? { external_ip: r.externalIp, internal_ip: r.internalIp, ssh_command: sshCommand(r), ssh_port: 22 } : null,
    spec:
      state === "deleted" || state === "deleting"
        ? {}
        : r.kind === "vm"
          ? { gpu_type: o.gpu_type, gpu_count: perNode }
          : { size_gb: r.volume?.sizeGb ?? null, type: r.volume?.type ?? null, storage_class: r.volume?.storageClass ?? null },
    linked_resources: [],
    offer_history: [{ offer_id: o.offer_id, offer_type: o.type ?? "vm", role: "primary", created_at: o.created_at }],
    pricing_total_hourly: r.kind === "vm" ? round4((o.gpu_price_per_hour ?? 0) * perNode) : null,
    valid_from: iso(r.createdMs),
    valid_to: deletedMs !== undefined ? iso(deletedMs) : null,
    last_synced_at: iso(t),
  };
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

export { iso };
