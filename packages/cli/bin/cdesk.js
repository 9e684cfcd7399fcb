#!/usr/bin/env node
// Checked before the CLI loads: on an older Node, loading it fails with a bare SyntaxError (ora's
// cli-spinners imports a JSON module `with { type: "json" }`, syntax Node 20.10 introduced).
const MINIMUM = [20, 10];
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  process.stderr.write(
    `error: cdesk needs Node.js ${MINIMUM.join(".")} or later; this is ${process.version}.\n` +
      "hint: Install a current LTS release (24 or 26) from https://nodejs.org or your version manager.\n",
  );
  process.exitCode = 1;
} else {
  await import("../dist/cli.js");
}
