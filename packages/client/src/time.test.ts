/// <reference types="node" />
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseApiTime } from "./index.js";

// Berlin, where a local-time reading is an hour off (Node applies a changed TZ at once).
const zone = process.env.TZ;
beforeAll(() => void (process.env.TZ = "Europe/Berlin"));
afterAll(() => void (zone === undefined ? delete process.env.TZ : (process.env.TZ = zone)));

it("reads a date-time without an offset as UTC, whatever the machine's zone", () => {
  expect(parseApiTime("2026-12-01T22:07:03.538090")).toBe(Date.UTC(2026, 11, 1, 22, 7, 3, 538));
  expect(parseApiTime("2026-12-01T22:07:03")).toBe(Date.UTC(2026, 11, 1, 22, 7, 3));
});

it("keeps an offset or Z that is given", () => {
  expect(parseApiTime("2026-12-01T22:07:03Z")).toBe(Date.UTC(2026, 11, 1, 22, 7, 3));
  expect(parseApiTime("2026-12-01T23:07:03+01:00")).toBe(Date.UTC(2026, 11, 1, 22, 7, 3));
});

it("is NaN for what is not a timestamp", () => {
  expect(parseApiTime("soon")).toBeNaN();
});
