import type { OfferStatus, ProcureClient, ProcureRequest, Procurement } from "./client.js";
import { abortErrorFrom } from "./aborted.js";
import { ProvisioningFailedError, WaitTimeoutError } from "./errors.js";
import { type WaitOptions, resolveWaitOptions } from "./options.js";
import { waitForOfferReadyFrom } from "./wait-for-offer-ready.js";

export interface ProcureAndWaitResult {
  /** The answer of `POST /procure_offer` (its `resource_ids` name what was created). */
  procurement: Procurement;
  /** The offer status whose `procurement_status` is `ready`; `instances` carry `ssh_command`. */
  status: OfferStatus;
}

/**
 * Procures an offer, then waits until it is ready. `timeoutMs` counts from the procure call, but never
 * cuts that call short (a purchase cancelled half-way has an unknown outcome); `signal` does.
 * Rejects at once with `ProvisioningFailedError` (its `failureReason` is the answer's `error`) when
 * the procure answer says `failed`; otherwise like `waitForOfferReady`. Errors of the procure call
 * itself (410 expired, 422, a connection error with `outcomeUnknown`) are passed on unchanged and
 * never retried here: procuring twice could buy twice.
 *
 * @example
 * const { procurement, status } = await procureAndWait(cdesk, { offer_id, ssh_public_key });
 * console.log(procurement.resource_ids, status.instances[0]?.ssh_command);
 */
export async function procureAndWait(
  cdesk: ProcureClient,
  request: ProcureRequest,
  options?: WaitOptions<OfferStatus>,
): Promise<ProcureAndWaitResult> {
  const startedAt = Date.now();
  const { signal } = resolveWaitOptions(options);
  if (signal?.aborted) throw abortErrorFrom(signal);
  const procurement = await cdesk.offers.procure(request, { signal });
  const refused = refusalOf(procurement);
  if (refused) throw refused;
  try {
    const status = await waitForOfferReadyFrom(cdesk, procurement.offer_id || request.offer_id, options, startedAt);
    return { procurement, status };
  } catch (error) {
    // What was bought stays in view: its resource ids are on the error.
    if (error instanceof WaitTimeoutError || error instanceof ProvisioningFailedError) error.procurement ??= procurement;
    throw error;
  }
}

/** The error for a procure answer that says `failed` (its `error` is the reason); `undefined` for any other answer. */
export function refusalOf(procurement: Procurement): ProvisioningFailedError | undefined {
  if (String(procurement.status).toLowerCase() !== "failed") return undefined;
  return new ProvisioningFailedError(describeProcureError(procurement.error), { procurement });
}

/** The procure answer's `error` as a sentence: a string as it is, anything else as JSON. */
function describeProcureError(error: unknown): string {
  if (error === null || error === undefined || error === "") return "the procure call answered failed without an error message";
  if (typeof error === "string") return error;
  const message = (error as { message?: unknown; detail?: unknown }).message ?? (error as { detail?: unknown }).detail;
  if (typeof message === "string" && message !== "") return message;
  return JSON.stringify(error);
}
