// @ts-check
import { attwProblems, publintProblems } from "./package-lint.mjs";

/**
 * Lints every packed package and builds one report, so a run shows all problems at once instead
 * of stopping at the first package.
 *
 * @param {import("./pack.mjs").PackedPackage[]} packages
 * @returns {Promise<{ clean: boolean, text: string }>}
 */
export async function lintPackedPackages(packages) {
  // All at once: attw spends most of its time starting up, so the packages overlap well.
  const results = await Promise.all(
    packages.map(async (pkg) => ({ pkg, publint: await publintProblems(pkg), attw: await attwProblems(pkg) })),
  );
  const sections = results.map(({ pkg, publint, attw }) => {
    const lines = [`${publint.length === 0 && attw === null ? "ok  " : "FAIL"} ${pkg.name}`];
    for (const problem of publint) lines.push(`  publint ${problem}`);
    if (attw) lines.push(`  attw:\n${attw.replace(/^/gm, "    ")}`);
    return lines.join("\n");
  });
  const clean = results.every(({ publint, attw }) => publint.length === 0 && attw === null);
  return { clean, text: sections.join("\n") };
}
