import {
  AuthenticationError,
  CdeskAbortError,
  CdeskConfigError,
  CdeskConnectionError,
  CdeskError,
  CdeskInputError,
  CdeskTimeoutError,
  InternalServerError,
  NotFoundError,
  OfferExpiredError,
  PermissionDeniedError,
  UnprocessableEntityError,
  type ApiErrorInit,
} from "@cdesk/client";
import { ProvisioningFailedError, WaitTimeoutError } from "@cdesk/poller";
import { describe, expect, it } from "vitest";
import { DeadlineExceeded, ExitCode, HintedError, Interrupted, resumable, TimedOutError, UsageError } from "./errors.js";
import { explainError } from "./explain.js";

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

  it("hints at the id only for a route with an id; elsewhere a 404 means a wrong address", () => {
    expect(explainError(new NotFoundError(api(404, "/resources/{resource_id}", {}))).hint).toBe(
      "Check the id: `cdesk resources` lists your resources.",
    );
    expect(explainError(new NotFoundError(api(404, "/available_gpus", { detail: "Not Found" }))).hint).toMatch(
      /^The API has no such route here: check --base-url or CDESK_BASE_URL/,
    );
  });

  it("lists the invalid fields of a 422", () => {
    const error = new UnprocessableEntityError({
      ...api(422, "/get_offers", { detail: [{ loc: ["body", "compute", "gpu_count"], msg: "must be >= 1", type: "x" }] }),
      method: "POST",
    });
    expect(explainError(error).message).toBe("422 Unprocessable Entity: compute.gpu_count: must be >= 1 (POST /get_offers)");
  });

  it("gives a missing, refused or forbidden token its own exit code, and says how to fix it", () => {
    const missing = explainError(new CdeskConfigError("token", "No API token: pass the `token` option"));
    expect(missing).toMatchObject({ message: "No API token.", exitCode: ExitCode.auth });
    expect(missing.hint).toMatch(/cdesk auth login.*CDESK_API_TOKEN.*--token-file/);
    const refused = explainError(new AuthenticationError(api(401, "/available_gpus", { detail: "Not authenticated" })));
    expect(refused).toMatchObject({ exitCode: ExitCode.auth, hint: expect.stringMatching(/did not accept the token/) });
    expect(explainError(new PermissionDeniedError(api(403, "/resources", {}))).exitCode).toBe(ExitCode.auth);
  });

  it("sends you back to search when an offer expired", () => {
    const expired = new OfferExpiredError({ ...api(410, "/procure_offer", { detail: "Offer 3f6c has expired" }), method: "POST" });
    expect(explainError(expired)).toMatchObject({
      message: "410 Gone: Offer 3f6c has expired (POST /procure_offer)",
      hint: expect.stringContaining("search again with `cdesk offers`"),
    });
  });

  it("names the URL tried and the socket error of a connection failure", () => {
    const refused = new CdeskConnectionError({ method: "GET", path: "/available_regions" }, "fetch failed (ECONNREFUSED)", {
      cause: Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }),
    });
    expect(explainError(refused, { url: "http://127.0.0.1:4321/available_regions" })).toEqual({
      message: "GET http://127.0.0.1:4321/available_regions failed: connection refused (ECONNREFUSED).",
      hint: "Check the address (--base-url or CDESK_BASE_URL) and your connection.",
      exitCode: ExitCode.failed,
    });
    const slow = new CdeskTimeoutError({ method: "GET", path: "/resources" }, 60_000);
    expect(explainError(slow, { url: "https://api.example/resources" }).message).toBe(
      "GET https://api.example/resources: no answer within 1m 00s.",
    );
  });

  it("gives one hint for an unknown outcome, never the SDK's advice as well", () => {
    const cut = new CdeskConnectionError({ method: "POST", path: "/procure_offer" }, "reading the response failed: terminated", {
      outcomeUnknown: true,
    });
    const explained = explainError(new HintedError(cut, "check with `cdesk status 3f6c`"));
    expect(explained.message).toBe("POST /procure_offer failed: reading the response failed: terminated.");
    expect(explained.hint).toBe("check with `cdesk status 3f6c`");
    const fiveHundred = new InternalServerError({ ...api(502, "/procure_offer", {}), method: "POST", outcomeUnknown: true });
    expect(explainError(fiveHundred).message).not.toMatch(/offers\.status/);
  });

  it("speaks the CLI's words in the SDK's configuration errors", () => {
    const insecure = new CdeskConfigError(
      "baseUrl",
      "Refusing to send the API token over plain http to api.example: use https, or set allowInsecureHttp: true if this network is trusted",
    );
    expect(explainError(insecure)).toEqual({
      message: "Refusing to send the API token over plain http to api.example: use https, or pass --allow-insecure-http if this network is trusted",
      exitCode: ExitCode.usage,
    });
    expect(explainError(new CdeskConfigError("baseUrl", "Refusing to send the token over plain http to h: use https, or allowInsecureHttp: true on a trusted network")).message).toBe(
      "Refusing to send the token over plain http to h: use https, or pass --allow-insecure-http on a trusted network",
    );
    expect(explainError(new CdeskConfigError("baseUrl", 'baseUrl is not an absolute URL: "x" (option baseUrl or CDESK_BASE_URL)')).message).toBe(
      '--base-url is not an absolute URL: "x" (--base-url or CDESK_BASE_URL)',
    );
  });

  it("maps each kind of failure to its exit code", () => {
    expect(explainError(new UsageError("bad flag")).exitCode).toBe(2);
    expect(explainError(new CdeskInputError("offer_id", "uuid", "must be a UUID")).exitCode).toBe(2);
    expect(explainError(new ProvisioningFailedError("No capacity", {})).exitCode).toBe(3);
    expect(explainError(new WaitTimeoutError({ lastStatus: undefined, elapsedMs: 1, attempts: 1, timeoutMs: 1 })).exitCode).toBe(4);
    expect(explainError(new CdeskAbortError("aborted", { cause: new DeadlineExceeded(2000) })).exitCode).toBe(4);
    expect(explainError(new CdeskAbortError("aborted", { cause: new Interrupted() })).exitCode).toBe(130);
    expect(explainError(new CdeskConnectionError({ method: "GET", path: "/resources" }, "ECONNREFUSED")).exitCode).toBe(1);
  });

  it("drops the SDK's advice from any error whose outcome is unknown, giving the CLI's hint instead", () => {
    class OddProcureAnswer extends CdeskError {
      readonly outcomeUnknown = true;
    }
    const odd = new OddProcureAnswer(
      "POST /procure_offer answered 200 with the body: expected object. The request may have been processed: check offers.status before procuring again",
    );
    expect(explainError(odd)).toEqual({
      message: "POST /procure_offer answered 200 with the body: expected object",
      hint: "The request may have gone through: check before you try again.",
      exitCode: ExitCode.failed,
    });
  });

  it("reports any other SDK error as its one line, and anything else as an internal error", () => {
    class UnexpectedAnswer extends CdeskError {}
    expect(explainError(new UnexpectedAnswer("GET /resources answered an object where a list was due"))).toEqual({
      message: "GET /resources answered an object where a list was due",
      exitCode: ExitCode.failed,
    });
    expect(explainError(new TypeError("status.instances.map is not a function"))).toMatchObject({
      message: "internal error: TypeError: status.instances.map is not a function",
      exitCode: ExitCode.failed,
    });
  });

  it("names the last stage seen when a wait times out, and how to resume", () => {
    const explained = explainError(resumable(new TimedOutError(90_000, "provisioning in progress"), "cdesk status 3f6c --wait"));
    expect(explained).toEqual({
      message: "Gave up after 1m 30s (last seen: provisioning in progress).",
      hint: "A longer --timeout waits more. Resume with: cdesk status 3f6c --wait",
      exitCode: 4,
    });
  });

  it("adds how to resume to an interrupted wait", () => {
    const explained = explainError(resumable(new CdeskAbortError(), "cdesk status 3f6c --wait"));
    expect(explained).toEqual({ message: "Interrupted.", hint: "Resume with: cdesk status 3f6c --wait", exitCode: 130 });
  });
});
