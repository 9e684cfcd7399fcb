/**
 * Every runtime the matrix runs, at an exact version: a new release of any of them changes the
 * matrix only through a commit here. All come from the npm registry through `npx` (cached after
 * the first run), except Chromium, which is Debian's package (see the README for why it is not
 * pinned to a Debian build).
 */
export const pinnedNode = { 20: "20.20.2", 22: "22.23.3", 24: "24.21.0", 26: "26.10.0" } as const;
export type NodeMajor = keyof typeof pinnedNode;
export const nodeMajors = Object.keys(pinnedNode).map(Number) as NodeMajor[];

/** npm packages that ship a runtime binary, and the binary's name in their `bin`. */
export const pinnedRuntimes = {
  deno: { pkg: "deno", version: "2.9.6", bin: "deno" },
  bun: { pkg: "bun", version: "1.4.4", bin: "bun" },
  workerd: { pkg: "workerd", version: "1.20261117.1", bin: "workerd" },
} as const;

/** Debian's Chromium, installed by `.ci/run` (`apt-get install -y chromium`). */
export const chromiumPath = "/usr/bin/chromium";
