// @ts-check
/**
 * Every runtime the matrix runs, at an exact version: a new release of any of them changes the
 * matrix only through a commit here. All come from the npm registry through `npx` (cached after
 * the first run), except Chromium, which is Debian's package (see the README for why it is not
 * pinned to a Debian build).
 */
export const pinnedNode = /** @type {const} */ ({ 20: "20.20.2", 22: "22.23.3", 24: "24.21.0", 26: "26.10.0" });

/** @typedef {keyof typeof pinnedNode} NodeMajor */

/** The Node majors the matrix runs, oldest first. */
export const nodeMajors = /** @type {NodeMajor[]} */ (Object.keys(pinnedNode).map(Number));

/** npm packages that ship a runtime binary, and the binary's name in their `bin`. */
export const pinnedRuntimes = /** @type {const} */ ({
  deno: { pkg: "deno", version: "2.9.6", bin: "deno" },
  bun: { pkg: "bun", version: "1.4.4", bin: "bun" },
  workerd: { pkg: "workerd", version: "1.20261117.1", bin: "workerd" },
});

/** Debian's Chromium, installed by `.ci/run` (`apt-get install -y chromium`). */
export const chromiumPath = "/usr/bin/chromium";

/**
 * `npx` arguments that run each pinned runtime's `--version`: what `.ci/run` uses to download
 * them (into npx's cache) while the main test command runs.
 *
 * @returns {string[][]}
 */
export function fetchCommands() {
  return [
    ...Object.values(pinnedNode).map((version) => ["-y", "-p", `node@${version}`, "node", "--version"]),
    ...Object.values(pinnedRuntimes).map(({ pkg, version, bin }) => ["-y", "-p", `${pkg}@${version}`, bin, "--version"]),
  ];
}
