import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { header, interval, positiveInteger, positiveNumber, timeout } from "./arg-parsers.js";

describe("number flags", () => {
  it("accept decimal numbers", () => {
    expect(positiveInteger("8")).toBe(8);
    expect(positiveNumber("2.5")).toBe(2.5);
    expect(positiveNumber(".5")).toBe(0.5);
  });

  it("refuse what Number() would quietly accept: hex, binary, exponents, blanks", () => {
    for (const text of ["0x10", "0b11", "1e3", " ", ""]) {
      expect(() => positiveInteger(text)).toThrow(new InvalidArgumentError("Expected a whole number of 1 or more, e.g. 8."));
      expect(() => positiveNumber(text)).toThrow(InvalidArgumentError);
    }
    expect(() => positiveInteger("1.5")).toThrow(InvalidArgumentError);
    expect(() => positiveNumber("0")).toThrow(InvalidArgumentError);
  });
});

describe("duration flags", () => {
  it("--interval has a floor of one second", () => {
    expect(interval("5s")).toBe(5000);
    expect(() => interval("0.4ms")).toThrow("The interval must be at least 1s, e.g. 5s (the API suggests 15s).");
    expect(() => interval("5")).toThrow('A duration needs a unit: expected a number with a unit: 500ms, 30s, 5m, 1h or 1h30m, got "5".');
  });

  it("--timeout goes from a second to a day", () => {
    expect(timeout("10m")).toBe(600_000);
    expect(() => timeout("999999h")).toThrow("The timeout must be from 1s to 24h, e.g. 10m.");
    expect(() => timeout("300ms")).toThrow(InvalidArgumentError);
  });
});

describe("header", () => {
  it("collects repeated -H flags, later ones winning", () => {
    const once = header("Prefer: code=404");
    expect(header("x-team:  research ", once)).toEqual({ Prefer: "code=404", "x-team": "research" });
  });

  it("needs a name before a colon", () => {
    expect(() => header("no colon here")).toThrow(InvalidArgumentError);
    expect(() => header(": value")).toThrow(InvalidArgumentError);
  });
});
