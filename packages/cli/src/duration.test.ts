import { expect, it } from "vitest";
import { parseDuration } from "./duration.js";

it("reads milliseconds, seconds, minutes and hours", () => {
  expect(parseDuration("250")).toBe(250);
  expect(parseDuration("500ms")).toBe(500);
  expect(parseDuration("2s")).toBe(2000);
  expect(parseDuration("1.5m")).toBe(90_000);
  expect(parseDuration("1H")).toBe(3_600_000);
});

it("refuses zero, negatives and unknown units with an example of what works", () => {
  expect(() => parseDuration("0s")).toThrow('expected a positive duration like 500ms, 2s, 5m or 1h, got "0s"');
  expect(() => parseDuration("-1s")).toThrow(/positive duration/);
  expect(() => parseDuration("2 days")).toThrow(/positive duration/);
});
