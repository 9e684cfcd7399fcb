import { expect, it } from "vitest";
import { UsageError } from "./errors.js";
import { readFlagFile, readPublicKey } from "./input-files.js";

const files: Record<string, string> = {
  "id.pub": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2 me@laptop\n",
  id: "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
};
const runtime = {
  readFile: async (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error("nope"), { code: "ENOENT" });
  },
};

it("reads a public key without its trailing newline", async () => {
  expect(await readPublicKey(runtime, "id.pub")).toBe("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2 me@laptop");
});

it("refuses a private key and points to the .pub file", async () => {
  await expect(readPublicKey(runtime, "id")).rejects.toThrow(
    new UsageError("--ssh-key id is a private key: pass the public key instead (usually id.pub)."),
  );
});

it("names the flag and the reason when a file cannot be read", async () => {
  await expect(readFlagFile(runtime, "--cloud-init", "missing.yaml")).rejects.toThrow(
    "Cannot read --cloud-init missing.yaml: ENOENT",
  );
});
