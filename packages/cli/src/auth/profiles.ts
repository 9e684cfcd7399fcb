import { chmod, mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { UsageError } from "../errors.js";

/** One saved login. */
export interface Profile {
  token: string;
  /** Saved when `auth login` was given `--base-url`. */
  base_url?: string;
}

/** The profiles file: `{ "profiles": { "<name>": { "token": ..., "base_url": ... } } }`. */
interface ProfilesFile {
  profiles: Record<string, Profile>;
}

export const DEFAULT_PROFILE = "default";
const FILE_NAME = "profiles.json";

/** Where the tokens are kept, in `dir` (see `configDir`). */
export function profilesPath(dir: string): string {
  return join(dir, FILE_NAME);
}

/** The saved profiles; none when the file does not exist. A damaged file is a usage error naming it. */
export async function readProfiles(dir: string): Promise<Record<string, Profile>> {
  const path = profilesPath(dir);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new UsageError(`Cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<ProfilesFile>;
    const profiles = parsed?.profiles;
    if (typeof profiles !== "object" || profiles === null || Array.isArray(profiles)) throw new Error("no profiles object");
    return Object.fromEntries(Object.entries(profiles).filter(([, profile]) => typeof profile?.token === "string"));
  } catch {
    throw new UsageError(`${path} is not a cdesk profiles file: fix it, or remove it and run \`cdesk auth login\` again.`);
  }
}

/** Saves (or replaces) one profile. The file is written whole, readable by its owner only (0600). */
export async function saveProfile(dir: string, name: string, profile: Profile): Promise<string> {
  const profiles = { ...(await readProfiles(dir)), [name]: profile };
  await writeProfiles(dir, profiles);
  return profilesPath(dir);
}

/** Removes one profile; false when there was none. The file goes when its last profile does. */
export async function removeProfile(dir: string, name: string): Promise<boolean> {
  const profiles = await readProfiles(dir);
  if (!(name in profiles)) return false;
  delete profiles[name];
  if (Object.keys(profiles).length === 0) await rm(profilesPath(dir), { force: true });
  else await writeProfiles(dir, profiles);
  return true;
}

/**
 * True when users other than the owner may read `path` (group or other permission bits). Windows
 * has no such bits, and a missing file cannot be read by anyone.
 */
export async function readableByOthers(path: string, platform: NodeJS.Platform): Promise<boolean> {
  if (platform === "win32") return false;
  try {
    return ((await stat(path)).mode & 0o077) !== 0;
  } catch {
    return false;
  }
}

async function writeProfiles(dir: string, profiles: Record<string, Profile>): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = profilesPath(dir);
  // Written beside the file then renamed over it: a reader never sees half a file, and the token
  // is never in a file others can read, not even for a moment.
  const temporary = `${path}.${process.pid}.tmp`;
  const body: ProfilesFile = { profiles };
  try {
    await writeFile(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600, flag: "w" });
    await chmod(temporary, 0o600);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
}
