// Rents the cheapest offer of a GPU type, prints how to reach its machines, and releases them
// when you press Enter.  CDESK_API_TOKEN=... npm start -- H100
import { readFile } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline/promises";
import { createCdeskClient } from "@cdesk/client";
import { procureAndWait, waitForResourceDeleted } from "@cdesk/poller";

const gpuType = process.argv[2] ?? "H100";
const keyFile = process.env.SSH_PUBLIC_KEY_FILE ?? join(homedir(), ".ssh", "id_ed25519.pub");
const sshPublicKey = (await readFile(keyFile, "utf8")).trim();

const cdesk = createCdeskClient(); // reads CDESK_API_TOKEN, and CDESK_BASE_URL if set
const { offers } = await cdesk.offers.search({ compute: { gpu_type: gpuType, gpu_count: 1 } });
const price = (offer: (typeof offers)[number]) => offer.total_price_per_hour ?? Number.POSITIVE_INFINITY;
const [offer] = [...offers].sort((a, b) => price(a) - price(b));
if (!offer) {
  console.error(`No ${gpuType} offer right now.`);
  process.exit(1);
}

console.log(`Renting ${offer.gpu_type} from ${offer.vendor} at $${offer.total_price_per_hour}/hour (offer ${offer.offer_id})`);
const { procurement, status } = await procureAndWait(
  cdesk,
  { offer_id: offer.offer_id, ssh_public_key: sshPublicKey },
  { onProgress: ({ status }) => console.log(`  ${status.procurement_status}`) },
);
for (const instance of status.instances) console.log(instance.ssh_command);

const terminal = createInterface({ input: process.stdin, output: process.stdout });
await terminal.question("Press Enter to release it. ");
terminal.close();

for (const resourceId of procurement.resource_ids ?? []) {
  await cdesk.resources.delete(resourceId, { force: true });
  await waitForResourceDeleted(cdesk, resourceId);
  console.log(`Released ${resourceId}`);
}
