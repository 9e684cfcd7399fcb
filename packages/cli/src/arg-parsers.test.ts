import { InvalidArgumentError } from "commander";
import { describe, expect, it } from "vitest";
import { duration, header, positiveInteger, positiveNumber } from "./arg-parsers.js";

describe("flag parsers", () => {
  it("accept what the flags document", () => {
    expect(positiveInteger("8")).toBe(8);
    expect(positiveNumber("2.5")).toBe(2.5);
    expect(duration("300ms")).toBe(300);
  });

  it("reject the rest with a message commander shows after the flag name", () => {
    expect(() => positiveInteger("1.5")).toThrow(new InvalidArgumentError("Expected a whole number of 1 or more."));
    expect(() => positiveNumber("0")).toThrow(InvalidArgumentError);
    expect(() => positiveNumber(" ")).toThrow(InvalidArgumentError);
    expect(() => duration("soon")).toThrow('Expected a positive duration like 500ms, 2s, 5m or 1h, got "soon".');
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
