import { expect, test } from "vitest";
import { formatViolation, parseViolationsHeader } from "./violations.js";

const request = { method: "GET", path: "/offers/x/status", status: 500 };

test("Prism's header becomes violations, each finding once", () => {
  const header = JSON.stringify([
    { location: ["response", "body", "status"], severity: "Error", code: "type", message: "must be string" },
    { location: ["response", "body", "status"], severity: "Error", code: "type", message: "must be string" },
    { location: ["response"], severity: "Warning", message: "Unable to match the returned status code" },
  ]);
  expect(parseViolationsHeader(header, request)).toEqual([
    { ...request, location: ["response", "body", "status"], code: "type", severity: "Error", message: "must be string" },
    { ...request, location: ["response"], code: "", severity: "Warning", message: "Unable to match the returned status code" },
  ]);
});

test("no header, no violation; an unreadable (truncated) header is kept as one violation", () => {
  expect(parseViolationsHeader(undefined, request)).toEqual([]);
  expect(parseViolationsHeader('Too many violations! [{"loc', request)).toEqual([
    { ...request, location: [], code: "unreadable", severity: "Error", message: 'Too many violations! [{"loc' },
  ]);
});

test("one readable line per violation", () => {
  const [error, warning] = parseViolationsHeader(
    JSON.stringify([
      { location: ["response", "body"], severity: "Error", message: "Response body must have required property 'instances'" },
      { location: [], severity: "Warning", message: "odd" },
    ]),
    request,
  );
  expect(formatViolation(error!)).toBe("GET /offers/x/status -> 500: response.body Response body must have required property 'instances'");
  expect(formatViolation(warning!)).toBe("GET /offers/x/status -> 500: [Warning] odd");
});
