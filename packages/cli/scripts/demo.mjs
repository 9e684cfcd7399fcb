#!/usr/bin/env node
// `pnpm demo`: the main job through the cdesk CLI, against the stateful simulator of the Supply API.
// `cdesk up` procures the cheapest H100 in the EU, which the simulator makes fail, so the demo
// shows the failover and its cleanup; then the next offer is ready and `up` prints its ssh command.
// `cdesk down` releases it. The simulator's own state is checked after each step: exits 0 when
// the failed attempt's machine and the released one are both deleted.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createCdeskClient } from "@cdesk/client";
import { createSimulator } from "@cdesk/simulator/node";
import pc from "picocolors";
import { throwawayPublicKey } from "./openssh-key.mjs";

const CDESK_BIN = fileURLToPath(new URL("../bin/cdesk.js", import.meta.url));
const colors = pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
const QUERY = { region: "EU", compute: { gpu_type: "H100" } };
// The simulator provisions in 3 s and deletes in 2 s; checking every second shows each stage.
const FAST = ["--interval", "1s"];

class StepFailed extends Error {}

/** Runs one cdesk command, echoing it first; its output goes straight to the terminal (a TTY gets the spinner). */
function cdesk(args, env) {
  process.stdout.write(`\n${colors.bold(colors.cyan(`$ cdesk ${args.join(" ")}`))}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CDESK_BIN, ...args], { env, stdio: ["ignore", "inherit", "inherit"] });
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new StepFailed(`\`cdesk ${args.join(" ")}\` exited with code ${code}`))));
  });
}

function say(text) {
  process.stdout.write(`${colors.green("→")} ${text}\n`);
}

/**
 * Makes the first offer the search returns (the cheapest: the one `cdesk up` tries first) fail
 * provisioning. Every search makes fresh offer ids for the same inventory, so it is matched by what it sells.
 */
async function failFirstOffer(sim) {
  const client = createCdeskClient({ token: "demo-token", baseUrl: sim.url, fetch: sim.fetch });
  const [first] = (await client.offers.search(QUERY)).offers;
  if (!first) throw new StepFailed("the simulator has no H100 offer in the EU");
  const keys = ["vendor", "vendor_region", "gpu_type", "gpu_count", "contract_type", "total_price_per_hour"];
  sim.failOffer((offer) => keys.every((key) => offer[key] === first[key]), "provisioning");
  return first;
}

async function mainJob(sim, env, keyFile) {
  const failing = await failFirstOffer(sim);
  say(`the simulator will fail the first offer found: ${failing.vendor} ${failing.contract_type}, $${failing.total_price_per_hour}/hour`);

  await cdesk(["up", "--gpu", "H100", "--region", "EU", "--max-price", "5", "--ssh-key", keyFile, ...FAST], env);
  const byStatus = (status) => sim.state.resources.filter((resource) => resource.status === status);
  const [running] = byStatus("running");
  if (!running || byStatus("deleted").length !== 1) throw new StepFailed("expected one failed attempt deleted and one machine running");
  const offerId = running.offer_history[0].offer_id;
  say(`the simulator has: ${sim.state.resources.map((resource) => `${resource.resource_id} ${resource.status}`).join(", ")}`);

  await cdesk(["down", offerId, "--wait", ...FAST], env);
  const left = sim.state.resources.filter((resource) => resource.status !== "deleted");
  if (left.length > 0) throw new StepFailed(`still there after down: ${left.map((resource) => resource.resource_id).join(", ")}`);
  say(`the simulator has: ${sim.state.resources.map((resource) => `${resource.resource_id} ${resource.status}`).join(", ")}`);
}

async function main() {
  const startedAt = Date.now();
  const keyDir = await mkdtemp(join(tmpdir(), "cdesk-demo-"));
  const keyFile = join(keyDir, "id_ed25519.pub");
  await writeFile(keyFile, `${throwawayPublicKey()}\n`);

  const sim = createSimulator({ seed: 1 });
  const server = await sim.listen();
  say(`Supply API simulator on ${server.url} (provisioning 3 s, deletion 2 s); a throwaway ed25519 key is in ${keyFile}`);
  const env = { ...process.env, CDESK_BASE_URL: server.url, CDESK_API_TOKEN: "demo-token" };
  const stop = async () => {
    await server.close();
    await rm(keyDir, { recursive: true, force: true });
  };
  // Ctrl-C reaches the running cdesk child too (same terminal), which cleans up; here only the server stops.
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  try {
    await mainJob(sim, env, keyFile);
  } catch (error) {
    await stop();
    process.stderr.write(`\n${colors.red("Demo failed:")} ${error instanceof StepFailed ? error.message : error}\n`);
    return 1;
  }
  await stop();
  process.stdout.write(
    `\n${colors.green("✔")} Done in ${((Date.now() - startedAt) / 1000).toFixed(1)}s: a failed offer cleaned up, the next one ready, released. Simulator stopped.\n`,
  );
  return 0;
}

process.exitCode = await main();
