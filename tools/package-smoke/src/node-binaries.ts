import { run } from "./exec.mjs";

/**
 * The path of a Node binary of the given version (a major such as `22`, or an exact version such
 * as `"22.23.3"`), from the npm package `node` (it ships the binaries, so only the npm registry is
 * needed). npx caches it: the first run downloads about 30 MB per version, later runs reuse it.
 */
export async function nodeBinary(version: number | string): Promise<string> {
  const { stdout } = await run("npx", ["-y", "-p", `node@${version}`, "node", "-p", "process.execPath + ' ' + process.versions.node"]);
  const [path, reported] = stdout.trim().split(" ");
  if (!path || !(reported === String(version) || reported?.startsWith(`${version}.`))) throw new Error(`npx node@${version} gave ${stdout.trim()}`);
  return path;
}
