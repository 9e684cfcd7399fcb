import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { runCommand } from "../src/run.mjs";
import { workspaceRoot } from "../src/workspace.mjs";

const typedoc = join(workspaceRoot, "node_modules", "typedoc", "bin", "typedoc"); // a root devDependency

// What `pnpm docs` runs (typedoc.json at the root, one typedoc.json per package where it differs),
// written to a temp directory. Any warning fails it: an undocumented export, a symbol referenced but
// not exported, a broken {@link}.
it("pnpm docs builds the API reference of every public package with no warning", async () => {
  const out = await mkdtemp(join(tmpdir(), "cdesk-api-reference-"));
  try {
    const result = await runCommand(process.execPath, [typedoc, "--out", out], { cwd: workspaceRoot, hangLimitMs: 300_000 });
    expect(result.output.replace(/\x1b\[[0-9;]*m/g, "").trim()).toBe("");
    expect(result.code).toBe(0);
    for (const page of ["_cdesk_client", "_cdesk_poller", "_cdesk_types", "_cdesk_mock", "_cdesk_simulator.index"]) {
      expect(existsSync(join(out, "modules", `${page}.html`)), page).toBe(true);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
