// Downloads every pinned runtime of the matrix into npx's cache (a no-op when they are there),
// one after the other, so `.ci/run` can do it while the main test command runs. Exits 1 naming
// the runtime that could not be fetched.
import { run } from "../src/exec.mjs";
import { fetchCommands } from "../src/runtimes/pinned.mjs";

for (const args of fetchCommands()) {
  const { stdout } = await run("npx", args);
  console.log(`${args[2]}: ${stdout.trim().split("\n")[0]}`);
}
