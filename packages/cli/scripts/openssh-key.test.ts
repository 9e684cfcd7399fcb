import { createPublicKey, generateKeyPairSync, sign, verify } from "node:crypto";
import { expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, without type declarations
import { openSshPublicKey, throwawayPublicKey } from "./openssh-key.mjs";

it("encodes the key type and the 32 key bytes, length-prefixed, as OpenSSH does", () => {
  const line: string = openSshPublicKey(Buffer.alloc(32, 7), "me@host");
  const [type, blob, comment] = line.split(" ");
  const bytes = Buffer.from(blob!, "base64");
  expect(type).toBe("ssh-ed25519");
  expect(comment).toBe("me@host");
  expect(bytes.readUInt32BE(0)).toBe(11);
  expect(bytes.subarray(4, 15).toString()).toBe("ssh-ed25519");
  expect(bytes.readUInt32BE(15)).toBe(32);
  expect(bytes.subarray(19)).toEqual(Buffer.alloc(32, 7));
  // Every ed25519 key line starts like this, whatever the key.
  expect(blob!.startsWith("AAAAC3NzaC1lZDI1NTE5AAAAI")).toBe(true);
});

it("carries the real key: a signature by its private half verifies against the decoded line", () => {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const line: string = openSshPublicKey(Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url"), "demo");
  const raw = Buffer.from(line.split(" ")[1]!, "base64").subarray(19);
  const decoded = createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" });
  const message = Buffer.from("cdesk");
  expect(verify(null, message, decoded, sign(null, message, privateKey))).toBe(true);
});

it("makes a new one-line key every time", () => {
  const [first, second]: string[] = [throwawayPublicKey(), throwawayPublicKey()];
  expect(first).toMatch(/^ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI[A-Za-z0-9+/]+=* cdesk-demo$/);
  expect(first).not.toBe(second);
});
