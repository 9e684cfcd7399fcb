import { expect, it } from "vitest";
import { parseDuration } from "./duration.js";

it("reads milliseconds, seconds, minutes and hours, and parts added up", () => {
  expect(parseDuration("500ms")).toBe(500);
  expect(parseDuration("2s")).toBe(2000);
  expect(parseDuration("1.5m")).toBe(90_000);
  expect(parseDuration("1H")).toBe(3_600_000);
  expect(parseDuration("1h30m")).toBe(5_400_000);
  expect(parseDuration("2m 30s")).toBe(150_000);
});

it("refuses a bare number, which could mean milliseconds or seconds, showing the accepted forms", () => {
  expect(() => parseDuration("5")).toThrow(
    'a duration needs a unit: expected a number with a unit: 500ms, 30s, 5m, 1h or 1h30m, got "5"',
  );
});

it("refuses zero, negatives and unknown units", () => {
  expect(() => parseDuration("0s")).toThrow('expected a duration above zero (a number with a unit: 500ms, 30s, 5m, 1h or 1h30m), got "0s"');
  expect(() => parseDuration("-1s")).toThrow(/not a duration/);
  expect(() => parseDuration("2 days")).toThrow(/not a duration/);
  expect(() => parseDuration("5s later")).toThrow(/not a duration/);
});
