import { generateKeyPairSync } from "node:crypto";

/**
 * A throwaway ed25519 public key in the one-line OpenSSH format (`ssh-ed25519 AAAA... comment`),
 * made with node:crypto so the demo needs no ssh-keygen. The private half is never written anywhere.
 */
export function throwawayPublicKey(comment = "cdesk-demo") {
  const { publicKey } = generateKeyPairSync("ed25519");
  return openSshPublicKey(Buffer.from(publicKey.export({ format: "jwk" }).x, "base64url"), comment);
}

/** OpenSSH's wire format (RFC 4253 section 6.6): the key type, then the 32 key bytes, each length-prefixed. */
export function openSshPublicKey(rawKey, comment) {
  const type = Buffer.from("ssh-ed25519");
  const blob = Buffer.concat([lengthPrefixed(type), lengthPrefixed(rawKey)]);
  return `ssh-ed25519 ${blob.toString("base64")} ${comment}`;
}

function lengthPrefixed(bytes) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return Buffer.concat([length, bytes]);
}
