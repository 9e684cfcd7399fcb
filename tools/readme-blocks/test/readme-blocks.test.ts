import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { writeUnits, type Mode } from "../src/layout.mjs";
import { collectUnits } from "../src/readmes.mjs";
import { runUnit } from "../src/run-unit.mjs";
import { startApiServer, type ApiServer } from "../src/api-server.mjs";
import { typecheck, type Diagnostic } from "../src/typecheck.mjs";
import { workspaceRoot } from "../src/workspace.mjs";

const { readerDir } = inject("readmeBlocks");
const blocksDir = join(readerDir, "blocks");
const units = collectUnits(workspaceRoot);
const modes: Mode[] = ["node16", "bundler"];
const diagnostics = new Map<Mode, Diagnostic[]>();
let api: ApiServer;

beforeAll(async () => {
  await writeUnits(blocksDir, units);
  // One compiler program per mode holds every block; the two run side by side.
  const results = await Promise.all(modes.map((mode) => typecheck(blocksDir, mode, units)));
  modes.forEach((mode, index) => diagnostics.set(mode, results[index] ?? []));
  api = await startApiServer(readerDir);
});
afterAll(() => api?.close());

const label = (unit: (typeof units)[number]) =>
  unit.kind === "module" ? `${unit.block.readme}:${unit.block.line}` : `${unit.readme} (files ${unit.files.map((file) => file.path).join(", ")})`;

it.each(modes)("the %s program has no error outside the blocks (shipped declarations included)", (mode) => {
  const errors = diagnostics.get(mode)?.filter((diagnostic) => diagnostic.unit === undefined).map((d) => d.text);
  expect(errors?.join("\n")).toBe("");
});

describe.each(units.map((unit) => [label(unit), unit] as const))("%s", (_label, unit) => {
  it.each(modes)("compiles as a strict module under %s resolution", (mode) => {
    const errors = diagnostics.get(mode)?.filter((diagnostic) => diagnostic.unit === unit.id).map((d) => d.text);
    expect(errors?.join("\n")).toBe("");
  });

  if (unit.run) {
    it("runs against @cdesk/simulator (and @cdesk/mock where it starts one)", async () => {
      const result = await runUnit(readerDir, blocksDir, unit, api.env);
      expect(result, result.output).toMatchObject({ code: 0 });
    });
  }
});
