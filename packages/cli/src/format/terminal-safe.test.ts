import { describe, expect, it } from "vitest";
import { terminalSafe, terminalSafeJson, terminalSafeLine } from "./terminal-safe.js";

describe("terminalSafe", () => {
  it("removes colour, cursor and screen-clearing sequences", () => {
    expect(terminalSafe("\u001b[31mred\u001b[0m and \u001b[2J\u001b[1;1Hcleared")).toBe("red and cleared");
  });

  it("removes window titles and hyperlinks (OSC), ended by BEL or ST", () => {
    expect(terminalSafe("a\u001b]0;pwned\u0007b")).toBe("ab");
    expect(terminalSafe("\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\")).toBe("click");
  });

  it("removes other control characters, C1 controls and bidi overrides, keeping line breaks and tabs", () => {
    expect(terminalSafe("ring\u0007 back\b\r\u009b31m\u202eevil\nnext\tcell")).toBe("ring backevil\nnext\tcell");
  });

  it("leaves ordinary text alone, accents and emoji included", () => {
    expect(terminalSafe("Fehler: Kapazität erschöpft ✔")).toBe("Fehler: Kapazität erschöpft ✔");
  });

  it("makes one line of a cell", () => {
    expect(terminalSafeLine("ssh root@1.2.3.4\n\u001b[8mrm -rf ~")).toBe("ssh root@1.2.3.4 rm -rf ~");
  });
});

describe("terminalSafeJson", () => {
  it("escapes every control character, so the JSON reads the same and the terminal obeys none", () => {
    const data = { detail: "\u001b[2J\u009b31m\u202eevil\u007f" };
    const json = terminalSafeJson(data);
    expect(json).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(JSON.parse(json)).toEqual(data);
  });
});
