import { CdeskError, ERROR_KIND } from "@cdesk/client";
import type { OfferStatus, Procurement } from "./client.js";

/**
 * Provisioning ended in failure: the status said `failed`, the offer is `expired`/`failed`, or the
 * procure call itself answered `failed`. Nothing more will happen; search for a new offer.
 */
export class ProvisioningFailedError extends CdeskError {
  // Its kind lets `instanceof` hold across copies of the package (ESM and CommonJS builds).
  static override readonly [ERROR_KIND]: string = "ProvisioningFailedError";
  override name = "ProvisioningFailedError";
  /** The server's reason (`failure_reason`, or the procure answer's `error`), or a description of the state. */
  readonly failureReason: string;
  /** The last offer status seen; `undefined` when the procure answer already said `failed`. */
  readonly status: OfferStatus | undefined;
  /** The procure answer, when the failure came after (or from) `procureAndWait`'s procure call. */
  procurement: Procurement | undefined;

  constructor(failureReason: string, details: { status?: OfferStatus; procurement?: Procurement }) {
    super(`Provisioning failed: ${failureReason}`);
    this.failureReason = failureReason;
    this.status = details.status;
    this.procurement = details.procurement;
  }
}

/** `timeoutMs` passed before a terminal state was seen. */
export class WaitTimeoutError<S = unknown> extends CdeskError {
  static override readonly [ERROR_KIND]: string = "WaitTimeoutError";
  override name = "WaitTimeoutError";
  /** The last status observed (an offer status or a resource), or `undefined` if no request succeeded. */
  readonly lastStatus: S | undefined;
  /** Milliseconds from the start of the wait until it gave up. */
  readonly elapsedMs: number;
  /** Status requests sent, including failed ones. */
  readonly attempts: number;
  /**
   * The procure answer, when `procureAndWait` procured before timing out: its `resource_ids` name
   * what exists (and is billed) although the wait gave up.
   */
  procurement: Procurement | undefined;

  constructor(details: { lastStatus: S | undefined; elapsedMs: number; attempts: number; timeoutMs: number }) {
    super(
      `Gave up waiting after ${Math.round(details.elapsedMs)} ms (timeoutMs ${details.timeoutMs}, ` +
        `${details.attempts} status request${details.attempts === 1 ? "" : "s"})`,
    );
    this.lastStatus = details.lastStatus;
    this.elapsedMs = details.elapsedMs;
    this.attempts = details.attempts;
    this.procurement = undefined;
  }
}
