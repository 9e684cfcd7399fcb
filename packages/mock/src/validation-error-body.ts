import { BODY_MISSING, type ValidationErrorBody, type ValidationItem } from "./fastapi-errors.js";
import type { Violation } from "./violations.js";

export type { ValidationErrorBody } from "./fastapi-errors.js";

function toItem(violation: Violation): ValidationItem {
  // Prism reports a missing body at ["request"]; FastAPI says `missing` at ["body"].
  if (violation.location.length === 1 && violation.code === "required") return { ...BODY_MISSING };
  return { loc: violation.location.slice(1), msg: violation.message, type: violation.code };
}

/**
 * The 422 body for a request Prism rejected, built from Prism's own findings.
 *
 * Why: for an invalid request Prism answers the spec's 422 *example*, whose message is about
 * some other input (in our spec, a malformed offer id), so a client under test would show a
 * wrong reason. This body has the same shape (it validates against `HTTPValidationError`) and
 * says what is actually wrong: `loc` as FastAPI writes it (`["body", "compute", "gpu_count"]`),
 * `msg` Prism's message, `type` Prism's rule. Returns undefined when there is no request
 * violation (e.g. a 422 asked for with `Prefer: code=422`), so that answer stays untouched.
 */
export function validationErrorBody(violations: readonly Violation[]): ValidationErrorBody | undefined {
  const detail = violations
    .filter((violation) => violation.location[0] === "request" && violation.severity === "Error")
    .map(toItem);
  return detail.length > 0 ? { detail } : undefined;
}

/** The violations to report for errors the front found itself (Prism never saw the request). */
export function violationsOf(detail: readonly ValidationItem[], request: { method: string; path: string; status: number }): Violation[] {
  return detail.map((item) => ({
    ...request,
    location: ["request", ...item.loc.map(String)],
    code: item.type,
    severity: "Error",
    message: item.msg,
  }));
}
