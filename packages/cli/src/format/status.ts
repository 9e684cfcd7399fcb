import { renderDetails, renderTable } from "./table.js";

/** The fields of `GET /offers/{offer_id}/status` the CLI shows. */
export interface OfferStatusFields {
  offer_id?: string;
  status?: string | null;
  procurement_status: string;
  instances: { external_ip?: string | null; ssh_command?: string | null; status?: string | null }[];
  resource_ids?: string[] | null;
  progress?: string | null;
  failure_reason?: string | null;
  procured_at?: string | null;
}

const STAGE_LABELS: Record<string, string> = {
  available: "available (not procured yet)",
  ready: "ready",
  failed: "failed",
};

/** A procurement stage as a phrase: `provisioning_in_progress` -> `provisioning in progress`. */
export function stageLabel(stage: string): string {
  return STAGE_LABELS[stage] ?? stage.replaceAll("_", " ");
}

/** One progress line while waiting: the stage, and the server's progress text when it sent one. */
export function describeStage(status: Pick<OfferStatusFields, "procurement_status" | "progress" | "failure_reason">): string {
  const detail = status.failure_reason ?? status.progress;
  return detail ? `${stageLabel(status.procurement_status)}: ${detail}` : stageLabel(status.procurement_status);
}

/** The ssh commands of the ready instances, in order. */
export function sshCommands(status: Pick<OfferStatusFields, "instances">): string[] {
  return status.instances.flatMap((instance) => (instance.ssh_command ? [instance.ssh_command] : []));
}

/** The `status <offer-id>` view: where procurement stands, then the instances with their ssh commands. */
export function renderOfferStatus(status: OfferStatusFields): string {
  const details = renderDetails([
    ["Offer", status.offer_id],
    ["Offer status", status.status],
    ["Stage", stageLabel(status.procurement_status)],
    ["Progress", status.progress],
    ["Failure reason", status.failure_reason],
    ["Procured at", status.procured_at],
    ["Resources", status.resource_ids?.join(", ")],
  ]);
  if (status.instances.length === 0) return details;
  const instances = renderTable(
    [{ header: "INSTANCE" }, { header: "STATUS" }, { header: "IP" }, { header: "SSH" }],
    status.instances.map((instance, i) => [
      String(i + 1),
      instance.status ?? "-",
      instance.external_ip ?? "-",
      instance.ssh_command ?? "-",
    ]),
  );
  return `${details}\n\n${instances}`;
}
