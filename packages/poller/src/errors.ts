import { CdeskError } from "@cdesk/client";
import type { OfferStatus, Procurement } from "./client.js";

/**
 * Provisioning ended in failure: the status said `failed`, the offer is `expired`/`failed`, or the
 * procure call itself answered `failed`. Nothing more will happen; search for a new offer.
 */
export class ProvisioningFailedError extends CdeskError {
  override name = "ProvisioningFailedError";
  /** The server's reason (`failure_reason`, or the procure answer's `error`), or a description of the state. */
  readonly failureReason: string;
  /** The last offer status seen; `undefined` when the procure answer already said `failed`. */
  readonly status: OfferStatus | undefined;
  /** The procure answer, when the failure came from `procureAndWait`'s procure call. */
  readonly procurement: Procurement | undefined;

  constructor(failureReason: string, details: { status?: OfferStatus; procurement?: Procurement }) {
    super(`Provisioning failed: ${failureReason}`);
    this.failureReason = failureReason;
    this.status = details.status;
    this.procurement = details.procurement;
  }
}

/** `timeoutMs` passed before a terminal state was seen. */
export class WaitTimeoutError<S = unknown> extends CdeskError {
  override name = "WaitTimeoutError";
  /** The last status observed (an offer status or a resource), or `undefined` if no request succeeded. */
  readonly lastStatus: S | undefined;
  /** Milliseconds from the start of the wait until it gave up. */
  readonly elapsedMs: number;
  /** Status requests sent, including failed ones. */
  readonly attempts: number;

  constructor(details: { lastStatus: S | undefined; elapsedMs: number; attempts: number; timeoutMs: number }) {
    super(
      `Gave up waiting after ${Math.round(details.elapsedMs)} ms (timeoutMs ${details.timeoutMs}, ` +
        `${details.attempts} status request${details.attempts === 1 ? "" : "s"})`,
    );
    this.lastStatus = details.lastStatus;
    this.elapsedMs = details.elapsedMs;
    this.attempts = details.attempts;
  }
}
