import { beforeAll, describe, expect, inject, it } from "vitest";
import { cliEnv, runCli } from "../support/cli.js";
import { startTestServer } from "../support/http-server.js";
import { EXAMPLE_OFFER_ID, EXAMPLE_RESOURCE_ID, freshId } from "../support/ids.js";
import { tempFile } from "../support/keys.js";

const env = () => cliEnv(inject("lifecycleUrl"));

describe("catalog commands", () => {
  it("gpus: a table of families and variants, or the API's JSON", async () => {
    const table = await runCli(["gpus"], env());
    expect(table).toMatchObject({ code: 0, stderr: "" });
    expect(table.stdout.split("\n")).toContain("H100    nvidia-h100-sxm5-80gb, nvidia-h100-pcie-80gb");
    const json = await runCli(["gpus", "--json"], env());
    expect(JSON.parse(json.stdout)).toMatchObject({ H100: ["nvidia-h100-sxm5-80gb", "nvidia-h100-pcie-80gb"] });
  });

  it.each([
    ["vendors", "nebius\nhyperstack\nscaleway\n"],
    ["regions", "US\nEU\nAPAC\nOther\n"],
    ["contracts", "ondemand\nspot\n"],
  ])("%s: one name per line", async (command, expected) => {
    expect(await runCli([command], env())).toEqual({ code: 0, stdout: expected, stderr: "" });
  });

  it("storage: a table of the vendors' storage with prices, JSON with --json", async () => {
    const table = await runCli(["storage"], env());
    expect(table.stdout).toMatch(/^VENDOR\s+VENDOR REGION\s+REGION\s+TYPE\s+STORAGE CLASS\s+PRICE PER GB MONTH$/m);
    expect(table.stdout).toMatch(/^nebius\s+eu-north1\s+EU\s+filesystem\s+premium\s+0.2$/m);
    const json = await runCli(["--json", "storage"], env());
    expect(JSON.parse(json.stdout)).toHaveLength(2);
  });
});

describe("offers", () => {
  it("shows offers cheapest first with the total hourly cost and the time left, hints on stderr", async () => {
    const { code, stdout, stderr } = await runCli(["offers", "--gpu", "H100", "--region", "EU", "--max-price", "5"], env());
    expect(code).toBe(0);
    const [header, first, second] = stdout.trim().split("\n");
    expect(header).toMatch(/^OFFER ID\s+GPUS\s+VENDOR\s+REGION\s+CONTRACT\s+PER GPU\/H\s+TOTAL\/H\s+EXPIRES IN$/);
    expect(first).toMatch(new RegExp(`^${EXAMPLE_OFFER_ID}\\s+1x nvidia-h100-sxm5-80gb\\s+nebius\\s+EU \\(eu-north1\\)\\s+ondemand\\s+\\$2\\.95\\s+\\$2\\.95\\s+(\\S+ ?\\S*|expired)$`));
    expect(second).toMatch(/scaleway .*\$3\.40\s+\$3\.4548/);
    expect(stderr).toContain("cdesk procure <offer-id> --ssh-key");
  });

  it("--json prints the API's answer and nothing on stderr, for scripts", async () => {
    const { code, stdout, stderr } = await runCli(["offers", "--gpu", "H100", "--json"], env());
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(JSON.parse(stdout).offers.map((o: { offer_id: string }) => o.offer_id)[0]).toBe(EXAMPLE_OFFER_ID);
  });

  it("-f sends a YAML query file as is", async () => {
    const file = await tempFile("query.yaml", "region: EU\ncompute:\n  gpu_type: H100\n  gpu_count: 1\n");
    const { code, stdout } = await runCli(["offers", "-f", file, "--json"], env());
    expect(code).toBe(0);
    expect(JSON.parse(stdout).total_count).toBe(2);
  });

  it("offer <id>: one offer's details", async () => {
    const { code, stdout } = await runCli(["offer", freshId()], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Status:\s+available$/m);
    expect(stdout).toMatch(/^Total price:\s+\$2\.95\/hour$/m);
  });
});

describe("resources", () => {
  let offerId: string;
  beforeAll(() => {
    offerId = freshId();
  });

  it("resources --offer <id>: a table with status, price and ssh command", async () => {
    const { code, stdout } = await runCli(["resources", "--offer", offerId], env());
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^${EXAMPLE_RESOURCE_ID}\\s+vm\\s+h100-eu-1\\s+nebius \\(eu-north1\\)\\s+running\\s+\\$2\\.95\\s+ssh root@203\\.0\\.113\\.10$`, "m"));
  });

  it("resource <id> --refresh: details, or JSON", async () => {
    const table = await runCli(["resource", freshId(), "--refresh"], env());
    expect(table.stdout).toMatch(/^SSH:\s+ssh root@203\.0\.113\.10$/m);
    const json = await runCli(["resource", freshId(), "--json"], env());
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "running", resource_type: "vm" });
  });
});

describe("EXPIRES IN", () => {
  it("reads a timestamp without an offset as UTC, in any time zone", async () => {
    // What a FastAPI service sends for `datetime.utcnow()`: no "Z", no "+00:00".
    const utcnow = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString().replace("Z", "");
    const server = await startTestServer(() => ({
      json: {
        offers: [
          {
            offer_id: EXAMPLE_OFFER_ID,
            gpu_type: "nvidia-h100-sxm5-80gb",
            gpu_family: "H100",
            gpu_count: 1,
            vendor: "nebius",
            region: "EU",
            gpu_price_per_hour: 2.95,
            created_at: utcnow(-10 * 60_000),
            expires_at: utcnow(20 * 60_000),
          },
        ],
        total_count: 1,
        filters_applied: {},
      },
    }));
    const { code, stdout } = await runCli(["offers", "--gpu", "H100"], cliEnv(server.url, { TZ: "Europe/Berlin" }));
    expect(code).toBe(0);
    expect(stdout).not.toContain("expired");
    expect(stdout).toMatch(/\s\d{1,2}m \d\ds$/m);
  });
});
