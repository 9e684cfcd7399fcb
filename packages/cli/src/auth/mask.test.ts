import { expect, it } from "vitest";
import { maskToken } from "./mask.js";

it("shows the first and last four characters of a long token, none of a short one", () => {
  expect(maskToken("cd_live_0123456789abcdef")).toBe("cd_l…cdef (24 characters)");
  expect(maskToken("short-token")).toBe("**** (11 characters)");
});
