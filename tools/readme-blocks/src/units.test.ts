import { describe, expect, it } from "vitest";
import { extractBlocks } from "./extract.mjs";
import { unitsOf } from "./units.mjs";

const readme = [
  "# Example",
  "",
  "<!-- name: setup -->",
  "```ts",
  'import { createCdeskClient } from "@cdesk/client";',
  "const cdesk = createCdeskClient();",
  "```",
  "",
  "<!-- continues: setup -->",
  "<!-- no-run: needs a real token -->",
  "```typescript",
  "await cdesk.catalog.gpus();",
  "```",
  "",
  "```sh",
  "npm test",
  "```",
  "",
  "```ts",
  "// test/a.test.ts",
  'import { test } from "vitest";',
  "```",
].join("\n");

describe("README blocks", () => {
  const blocks = extractBlocks(readme, "packages/x/README.md");

  it("finds ts and typescript blocks with their markers and first code line, and skips other languages", () => {
    expect(blocks.map(({ line, name, continues, noRun, file }) => ({ line, name, continues, noRun, file }))).toEqual([
      { line: 5, name: "setup", continues: undefined, noRun: undefined, file: undefined },
      { line: 12, name: undefined, continues: "setup", noRun: "needs a real token", file: undefined },
      { line: 20, name: undefined, continues: undefined, noRun: undefined, file: "test/a.test.ts" },
    ]);
  });

  it("pastes a continued block before the one that continues it, keeping each line's README position", () => {
    const [, continued] = unitsOf(blocks);
    expect(continued).toMatchObject({ kind: "module", id: "packages-x-L12", run: false });
    if (continued?.kind !== "module") throw new Error("expected a module");
    expect(continued.code.split("\n").at(-1)).toBe("await cdesk.catalog.gpus();");
    expect(continued.origins.map((origin) => origin.line)).toEqual([5, 6, 12]);
  });

  it("gathers file blocks into one project", () => {
    expect(unitsOf(blocks).at(-1)).toMatchObject({ kind: "project", id: "packages-x-files", run: true });
  });

  it("refuses a misspelled marker, an unknown continuation and a duplicate name", () => {
    expect(() => extractBlocks("<!-- no_run: x -->\n```ts\n```", "R.md")).toThrow("R.md:1: unknown marker");
    expect(() => unitsOf(extractBlocks("<!-- continues: nope -->\n```ts\n```", "R.md"))).toThrow('continues "nope"');
    const twice = "<!-- name: a -->\n```ts\n```\n<!-- name: a -->\n```ts\n```";
    expect(() => unitsOf(extractBlocks(twice, "R.md"))).toThrow('named "a" already exists');
  });

  it("ignores ordinary comments above a fence", () => {
    expect(extractBlocks("<!-- prettier-ignore -->\n```ts\nx\n```", "R.md")).toHaveLength(1);
  });
});
