import { expect, it } from "vitest";
import { renderDetails, renderTable } from "./table.js";

it("pads every column to its widest cell and right-aligns numbers", () => {
  const table = renderTable(
    [{ header: "VENDOR" }, { header: "PRICE", align: "right" }],
    [
      ["nebius", "$2.95"],
      ["scaleway", "$10.40"],
    ],
  );
  expect(table.split("\n")).toEqual(["VENDOR     PRICE", "nebius     $2.95", "scaleway  $10.40"]);
});

it("prints only the header for an empty list", () => {
  expect(renderTable([{ header: "ID" }, { header: "NAME" }], [])).toBe("ID  NAME");
});

it("aligns detail values and shows missing ones as a dash", () => {
  expect(
    renderDetails([
      ["Offer", "3f6c"],
      ["Procured at", null],
    ]).split("\n"),
  ).toEqual(["Offer:        3f6c", "Procured at:  -"]);
});

it("cleans escape sequences out of server text before measuring the columns", () => {
  expect(renderTable([{ header: "A" }, { header: "B" }], [["\u001b[31mred\u001b[0m", "x"]])).toBe("A    B\nred  x");
  expect(renderDetails([["Error", "bad\u001b]0;title\u0007\nthing"]])).toBe("Error:  bad thing");
});
