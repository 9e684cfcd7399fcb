import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { EXIT_CODES } from "./errors.js";

it("the README's exit code table is the one --help prints", async () => {
  const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
  const rows = [...readme.matchAll(/^\| (\d+) \| (.+) \|$/gm)].map(([, code, meaning]) => [Number(code), meaning!.replaceAll("`", "")]);
  expect(rows).toEqual(EXIT_CODES);
});
