/** The one-line summary of a run, and the broken invariants that make it fail. */
import type { ChaosReport } from "./run-chaos.js";
import { SUCCESS, UNTYPED } from "./outcome.js";

const counts = (record: Readonly<Record<string, number>>) =>
  Object.entries(record)
    .sort(([a], [b]) => (a === SUCCESS ? -1 : b === SUCCESS ? 1 : a.localeCompare(b)))
    .map(([key, count]) => `${key}=${count}`)
    .join(" ");

const total = (record: Readonly<Record<string, number>>) => Object.values(record).reduce((sum, n) => sum + n, 0);

export function formatSummary(report: ChaosReport): string {
  return [
    `chaos seed=${report.seed}: ${report.lifecycles} lifecycles, ${report.requests} requests`,
    `faults ${total(report.faults)} (${counts(report.faults)})`,
    `outcomes ${counts(report.outcomes)}`,
    `procures at mock ${report.procuresAtMock}, duplicates ${report.duplicateProcures.length}`,
    `unhandled rejections ${report.unhandledRejections.length}`,
    `leaked handles ${report.leakedHandles.length === 0 ? 0 : report.leakedHandles.join(" ")}`,
  ].join(" | ");
}

/** What a user relies on, broken: empty when the run passed. */
export function violations(report: ChaosReport): string[] {
  const problems: string[] = [];
  for (const [outcome, count] of Object.entries(report.outcomes)) {
    if (outcome.startsWith(UNTYPED)) problems.push(`${count} lifecycle(s) ended with an error that is not a CdeskError: ${outcome}`);
  }
  if (total(report.outcomes) !== report.lifecycles) problems.push(`${total(report.outcomes)} outcomes for ${report.lifecycles} lifecycles`);
  for (const duplicate of report.duplicateProcures) problems.push(`duplicate procure reached the mock: ${duplicate}`);
  for (const reason of report.unhandledRejections) problems.push(`unhandled rejection: ${reason}`);
  for (const handle of report.leakedHandles) problems.push(`handle left open: ${handle}`);
  return problems;
}
