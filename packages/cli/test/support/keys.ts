import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The public key of the spec's procure example; the mock only checks it is one line. */
export const PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHc2Rw5n8g6v2VxTn0bX5p9g7Q1J9yWq3n6oQ2a8k4Zt user@example";

/** Writes `content` to a new temporary file and returns its path. */
export async function tempFile(name: string, content: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "cdesk-cli-")), name);
  await writeFile(path, content);
  return path;
}
