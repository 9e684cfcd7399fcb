/** The one-line summary of a run, and the broken invariants that make it fail. */
import type { ChaosReport } from "./run-chaos.js";
import { SUCCESS, UNTYPED } from "./outcome.js";

/** Acquire mode's promise under the default fault mix: at least 99 % of acquisitions end ready. */
export const MIN_READY_SHARE = 0.99;

const counts = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .sort(([a], [b]) => (a === SUCCESS ? -1 : b === SUCCESS ? 1 : a.localeCompare(b)))
    .map(([key, count]) => `${key}=${count}`)
    .join(" ");

const total = (record: Readonly<Record<string, number>>) => Object.values(record).reduce((sum, n) => sum + n, 0);

export function formatSummary(report: ChaosReport): string {
  const acquire = report.mode === "acquire";
  return [
    `chaos seed=${report.seed}: ${report.lifecycles} ${acquire ? "acquisitions" : "lifecycles"}, ${report.requests} requests`,
    `faults ${total(report.faults)} (${counts(report.faults)})`,
    ...(acquire ? [`failing offers procured ${total(report.offerFaults)} (${counts(report.offerFaults)})`] : []),
    `outcomes ${counts(report.outcomes)}`,
    `procures at simulator ${report.procuresAtSimulator}, duplicates ${report.duplicateProcures.length}`,
    ...(acquire ? [`resources unaccounted for ${report.unaccountedResources.length}`] : []),
    `unhandled rejections ${report.unhandledRejections.length}`,
    `leaked handles ${report.leakedHandles.length === 0 ? 0 : report.leakedHandles.join(" ")}`,
  ].join(" | ");
}

/** What a user relies on, broken: empty when the run passed. */
export function violations(report: ChaosReport): string[] {
  const problems: string[] = [];
  for (const [outcome, count] of Object.entries(report.outcomes)) {
    if (outcome.includes(UNTYPED)) problems.push(`${count} run(s) ended with an error that is not a CdeskError: ${outcome}`);
  }
  if (total(report.outcomes) !== report.lifecycles) problems.push(`${total(report.outcomes)} outcomes for ${report.lifecycles} runs`);
  if (report.mode === "acquire") {
    const ready = report.outcomes[SUCCESS] ?? 0;
    if (ready < report.lifecycles * MIN_READY_SHARE) problems.push(`${ready} of ${report.lifecycles} acquisitions ended ready, fewer than ${MIN_READY_SHARE * 100} %`);
  }
  for (const duplicate of report.duplicateProcures) problems.push(`duplicate procure reached the simulator: ${duplicate}`);
  for (const resource of report.unaccountedResources) problems.push(`resource unaccounted for: ${resource}`);
  for (const reason of report.unhandledRejections) problems.push(`unhandled rejection: ${reason}`);
  for (const handle of report.leakedHandles) problems.push(`handle left open: ${handle}`);
  return problems;
}
