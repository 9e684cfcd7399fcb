import { expect, it } from "vitest";
import { usd } from "./money.js";

it("shows dollars with at least two and at most four decimals", () => {
  expect(usd(2.95)).toBe("$2.95");
  expect(usd(3)).toBe("$3.00");
  expect(usd(0.0548)).toBe("$0.0548");
  expect(usd(3.45481)).toBe("$3.4548");
});

it("shows a dash for a missing price", () => {
  expect(usd(null)).toBe("-");
  expect(usd(undefined)).toBe("-");
});
