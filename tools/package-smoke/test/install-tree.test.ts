import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { expect, inject, it } from "vitest";
import { run } from "../src/exec.mjs";

const { consumerDir } = inject("smoke");

it("npm sees a complete, valid dependency tree (no missing or invalid dependency, peer included)", async () => {
  // `npm ls` exits non-zero on a missing, invalid or extraneous package, and names it.
  await expect(run("npm", ["ls", "--all"], { cwd: consumerDir })).resolves.toBeTruthy();
});

it("every @cdesk/* package is the single copy from the tarballs, never a second one from the registry", async () => {
  const { stdout } = await run("npm", ["ls", "--all", "--json"], { cwd: consumerDir });
  const found: string[] = [];
  const walk = (deps: Record<string, { version?: string; resolved?: string; dependencies?: object }> | undefined, path: string) => {
    for (const [name, dep] of Object.entries(deps ?? {})) {
      if (name.startsWith("@cdesk/") && dep.resolved && !dep.resolved.startsWith("file:")) found.push(`${path}${name} from ${dep.resolved}`);
      walk(dep.dependencies as typeof deps, `${path}${name} > `);
    }
  };
  walk(JSON.parse(stdout).dependencies, "");
  expect(found).toEqual([]);
  const nested = await readdir(join(consumerDir, "node_modules"), { recursive: true });
  expect(nested.filter((entry) => /node_modules[\\/]@cdesk$/.test(String(entry)))).toEqual([]);
});
