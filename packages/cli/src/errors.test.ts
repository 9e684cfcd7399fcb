import {
  AuthenticationError,
  CdeskAbortError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskInputError,
  NotFoundError,
  OfferExpiredError,
  UnprocessableEntityError,
  type ApiErrorInit,
} from "@cdesk/client";
import { ProvisioningFailedError, WaitTimeoutError } from "@cdesk/poller";
import { describe, expect, it } from "vitest";
import { ExitCode, explainError, ResumableError, UsageError } from "./errors.js";

const api = (status: number, path: string, body: unknown, requestId?: string): ApiErrorInit => ({
  status,
  method: "GET",
  path,
  body,
  requestId,
  headers: {},
});

describe("explainError", () => {
  it("says status, reason and request id on one line for API errors, exit 1", () => {
    expect(explainError(new NotFoundError(api(404, "/offers/{offer_id}", { detail: "Offer not found" }, "req-42")))).toEqual({
      message: "404 Not Found: Offer not found (GET /offers/{offer_id}, request id req-42)",
      hint: "Check the id: `cdesk offers` lists current offers.",
      exitCode: ExitCode.failed,
    });
  });

  it("lists the invalid fields of a 422", () => {
    const error = new UnprocessableEntityError({
      ...api(422, "/get_offers", { detail: [{ loc: ["body", "compute", "gpu_count"], msg: "must be >= 1", type: "x" }] }),
      method: "POST",
    });
    expect(explainError(error).message).toBe("422 Unprocessable Entity: compute.gpu_count: must be >= 1 (POST /get_offers)");
  });

  it("tells how to set the token when it is missing or refused", () => {
    const missing = explainError(new CdeskConfigError("token", "No API token: pass the `token` option"));
    expect(missing).toMatchObject({ message: "No API token.", exitCode: ExitCode.usage });
    expect(missing.hint).toMatch(/CDESK_API_TOKEN.*--token-file/);
    expect(explainError(new AuthenticationError(api(401, "/available_gpus", { detail: "Not authenticated" }))).hint).toMatch(
      /did not accept the token.*CDESK_API_TOKEN/,
    );
  });

  it("sends you back to search when an offer expired", () => {
    const expired = new OfferExpiredError({ ...api(410, "/procure_offer", { detail: "Offer 3f6c has expired" }), method: "POST" });
    expect(explainError(expired)).toMatchObject({
      message: "410 Gone: Offer 3f6c has expired (POST /procure_offer)",
      hint: expect.stringContaining("search again with `cdesk offers`"),
    });
  });

  it("maps each kind of failure to its exit code", () => {
    expect(explainError(new UsageError("bad flag")).exitCode).toBe(2);
    expect(explainError(new CdeskInputError("offer_id", "uuid", "must be a UUID")).exitCode).toBe(2);
    expect(explainError(new ProvisioningFailedError("No capacity", {})).exitCode).toBe(3);
    expect(explainError(new WaitTimeoutError({ lastStatus: undefined, elapsedMs: 1, attempts: 1, timeoutMs: 1 })).exitCode).toBe(4);
    expect(explainError(new CdeskAbortError()).exitCode).toBe(130);
    expect(explainError(new CdeskConnectionError({ method: "GET", path: "/resources" }, "ECONNREFUSED")).exitCode).toBe(1);
    expect(explainError(new Error("surprise")).exitCode).toBe(1);
  });

  it("names the last stage seen when a wait times out", () => {
    const timeout = new WaitTimeoutError({
      lastStatus: { procurement_status: "provisioning_in_progress" },
      elapsedMs: 90_000,
      attempts: 6,
      timeoutMs: 90_000,
    });
    expect(explainError(timeout).message).toBe("Gave up waiting after 1m 30s (last seen: provisioning in progress).");
  });

  it("adds how to resume to an interrupted or timed-out wait", () => {
    const explained = explainError(new ResumableError(new CdeskAbortError(), "cdesk status 3f6c --wait"));
    expect(explained).toEqual({
      message: "Interrupted: stopped waiting.",
      hint: "Resume with: cdesk status 3f6c --wait",
      exitCode: 130,
    });
  });
});
