#!/usr/bin/env node
// `pnpm demo`: the whole life of a GPU offer, through the cdesk CLI, against the embedded mock of
// the Supply API: list GPUs, search offers, procure the cheapest, wait until ready, print the ssh
// command, list resources, delete and wait until deleted. Exits 0 when every step succeeded.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startMockServer } from "@cdesk/mock";
import pc from "picocolors";
import { throwawayPublicKey } from "./openssh-key.mjs";

const CDESK_BIN = fileURLToPath(new URL("../bin/cdesk.js", import.meta.url));
const colors = pc.createColors(Boolean(process.stdout.isTTY) && !process.env.NO_COLOR);
// The mock's stages come one per status check: a short interval keeps the demo brisk.
const FAST = ["--interval", "1s"];

class StepFailed extends Error {}

/**
 * Runs one cdesk command, echoing it first. Its output goes straight to the terminal (so a TTY gets
 * the live spinner) unless `capture` is set: then its stdout is returned, and also shown if "show".
 */
function cdesk(args, { env, capture }) {
  process.stdout.write(`\n${colors.bold(colors.cyan(`$ cdesk ${args.join(" ")}`))}\n`);
  return new Promise((resolve, reject) => {
    const stdout = capture ? "pipe" : "inherit";
    const child = spawn(process.execPath, [CDESK_BIN, ...args], { env, stdio: ["ignore", stdout, "inherit"] });
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk) => {
      output += chunk;
      if (capture === "show") process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(output) : reject(new StepFailed(`\`cdesk ${args.join(" ")}\` exited with code ${code}`)),
    );
  });
}

function say(text) {
  process.stdout.write(`${colors.green("→")} ${text}\n`);
}

async function lifecycle(env, keyFile) {
  await cdesk(["gpus"], { env });

  const search = ["offers", "--gpu", "H100", "--region", "EU", "--max-price", "5"];
  await cdesk(search, { env });
  const { offers } = JSON.parse(await cdesk([...search, "--json"], { env, capture: "quiet" }));
  const hourly = (offer) => offer.total_price_per_hour ?? offer.gpu_price_per_hour * offer.gpu_count;
  const cheapest = offers.reduce((best, offer) => (hourly(offer) < hourly(best) ? offer : best));
  say(`cheapest: ${cheapest.offer_id} (${cheapest.gpu_count}x ${cheapest.gpu_type}, ${cheapest.vendor}, $${hourly(cheapest)}/hour)`);

  const offerId = cheapest.offer_id;
  const procurement = JSON.parse(await cdesk(["procure", offerId, "--ssh-key", keyFile, "--json"], { env, capture: "show" }));
  const [resourceId] = procurement.resource_ids ?? [];
  if (!resourceId) throw new StepFailed(`procure answered ${procurement.status} without a resource id`);
  say(`procurement ${procurement.status}; it created resource ${resourceId}`);

  await cdesk(["status", offerId, "--wait", ...FAST], { env });
  const status = JSON.parse(await cdesk(["status", offerId, "--json"], { env, capture: "quiet" }));
  for (const instance of status.instances) {
    say(`your machine: ${colors.bold(instance.ssh_command)}  (a documentation address: the mock has no machine behind it)`);
  }

  await cdesk(["resources", "--offer", offerId], { env });
  await cdesk(["delete", resourceId, "--wait", ...FAST], { env });
}

async function main() {
  const startedAt = Date.now();
  const keyDir = await mkdtemp(join(tmpdir(), "cdesk-demo-"));
  const keyFile = join(keyDir, "id_ed25519.pub");
  await writeFile(keyFile, `${throwawayPublicKey()}\n`);

  process.stdout.write("Starting the mock Supply API (scenario: lifecycle)...\n");
  const mock = await startMockServer({ port: 0, scenario: "lifecycle" });
  say(`mock listening on ${mock.url}; a throwaway ed25519 key is in ${keyFile}`);
  const env = { ...process.env, CDESK_BASE_URL: mock.url, CDESK_API_TOKEN: "demo-token" };
  const stop = async () => {
    await mock.close();
    await rm(keyDir, { recursive: true, force: true });
  };
  // Ctrl-C reaches the running cdesk child too (same terminal); here it only has to clean up.
  process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
  try {
    await lifecycle(env, keyFile);
  } catch (error) {
    await stop();
    process.stderr.write(`\n${colors.red("Demo failed:")} ${error instanceof StepFailed ? error.message : error}\n`);
    return 1;
  }
  await stop();
  process.stdout.write(`\n${colors.green("✔")} Lifecycle complete in ${((Date.now() - startedAt) / 1000).toFixed(1)}s: searched, procured, ready, deleted. Mock stopped.\n`);
  return 0;
}

process.exitCode = await main();
