import { UsageError } from "./errors.js";
import type { Runtime } from "./runtime.js";

/** Reads a file named by a flag; a missing or unreadable file is a usage error naming the flag. */
export async function readFlagFile(runtime: Pick<Runtime, "readFile">, flag: string, path: string): Promise<string> {
  try {
    return await runtime.readFile(path);
  } catch (error) {
    throw new UsageError(`Cannot read ${flag} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/**
 * The one-line public key the API wants. A private key is refused here, before it could be sent
 * anywhere, with the usual fix.
 */
export async function readPublicKey(runtime: Pick<Runtime, "readFile">, path: string): Promise<string> {
  const key = (await readFlagFile(runtime, "--ssh-key", path)).trim();
  if (key.includes("PRIVATE KEY")) {
    throw new UsageError(`--ssh-key ${path} is a private key: pass the public key instead (usually ${path}.pub).`);
  }
  if (!key) throw new UsageError(`--ssh-key ${path} is empty: it should hold one public key, e.g. "ssh-ed25519 AAAA... you@host".`);
  return key;
}
