import { expect, test } from "vitest";
import { validationErrorBody } from "./validation-error-body.js";
import type { Violation } from "./violations.js";

const violation = (location: string[], message: string, code = "type", severity = "Error"): Violation => ({
  method: "POST",
  path: "/get_offers",
  status: 422,
  location,
  code,
  severity,
  message,
});

test("request errors become the API's 422 body, located as FastAPI does", () => {
  expect(
    validationErrorBody([
      violation(["request", "body", "compute", "gpu_count"], "must be >= 1", "minimum"),
      violation(["request", "path", "offer_id"], "must match format \"uuid\"", "format"),
    ]),
  ).toEqual({
    detail: [
      { loc: ["body", "compute", "gpu_count"], msg: "must be >= 1", type: "minimum" },
      { loc: ["path", "offer_id"], msg: 'must match format "uuid"', type: "format" },
    ],
  });
});

test("without request errors there is nothing to explain", () => {
  expect(validationErrorBody([])).toBeUndefined();
  expect(validationErrorBody([violation(["response", "body"], "x"), violation(["request", "query"], "y", "x", "Warning")])).toBeUndefined();
});

test("a missing body is FastAPI's `missing` at [\"body\"]", () => {
  expect(validationErrorBody([violation(["request"], "Body parameter is required", "required")])).toEqual({
    detail: [{ type: "missing", loc: ["body"], msg: "Field required", input: null }],
  });
});
