import { run } from "./exec.mjs";

/**
 * The path of a Node binary of the given major, from the npm package `node` (it ships the
 * binaries, so only the npm registry is needed). npx caches it: the first run downloads about
 * 30 MB per major, later runs reuse it.
 */
export async function nodeBinary(major: number): Promise<string> {
  const { stdout } = await run("npx", ["-y", "-p", `node@${major}`, "node", "-p", "process.execPath + ' ' + process.versions.node"]);
  const [path, version] = stdout.trim().split(" ");
  if (!path || !version?.startsWith(`${major}.`)) throw new Error(`npx node@${major} gave ${stdout.trim()}`);
  return path;
}
