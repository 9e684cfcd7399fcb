/**
 * One user's acquisition: "an H100 in the EU under $10 an hour, running". What it reports (every
 * attempt and resource, ready or not) is what the run checks against the simulator's state.
 */
import type { CdeskClient } from "@cdesk/client";
import { AcquireError, acquire, type AcquireAttempt, type WaitOptions } from "@cdesk/poller";
import { SSH_PUBLIC_KEY } from "./lifecycle.js";
import { outcomeOf, SUCCESS } from "./outcome.js";

const QUERY = { region: "EU", compute: { gpu_type: "H100", gpu_count: 1 } };

export interface AcquisitionReport {
  /** `success`, or the name of what ended it (`AcquireError(...)` names its cause). */
  outcome: string;
  attempts: AcquireAttempt[];
}

export async function runAcquisition(cdesk: CdeskClient, wait: Omit<WaitOptions, "onProgress">): Promise<AcquisitionReport> {
  try {
    const { attempts } = await acquire(cdesk, {
      query: QUERY,
      ssh_public_key: SSH_PUBLIC_KEY,
      maxPricePerHour: 10,
      ...wait,
      timeoutMs: 120_000,
      readyTimeoutMs: 30_000,
    });
    return { outcome: SUCCESS, attempts };
  } catch (error) {
    if (!(error instanceof AcquireError)) return { outcome: outcomeOf(error), attempts: [] };
    return { outcome: `AcquireError(${outcomeOf(error.cause)})`, attempts: error.attempts };
  }
}
