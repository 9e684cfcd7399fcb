import { run } from "../exec.mjs";
import { pinnedRuntimes } from "./pinned.mjs";

/**
 * The path of a pinned runtime's binary, from its npm package through `npx` (which caches it:
 * the first run downloads it, later runs reuse it). Checks that the binary is that version, so
 * a cache or PATH mix-up fails here instead of testing another runtime.
 */
export async function runtimeBinary(name: keyof typeof pinnedRuntimes): Promise<string> {
  const { pkg, version, bin } = pinnedRuntimes[name];
  const { stdout } = await run("npx", ["-y", "-p", `${pkg}@${version}`, "sh", "-c", `command -v ${bin}`]);
  const path = stdout.trim();
  const reported = await run(path, ["--version"]);
  const expected = name === "workerd" ? version.split(".")[1]?.replace(/^(\d{4})(\d{2})(\d{2})$/, "$1-$2-$3") : version;
  if (!expected || !reported.stdout.includes(expected)) {
    throw new Error(`${path} --version printed ${reported.stdout.trim()}, expected ${pkg} ${version}`);
  }
  return path;
}
