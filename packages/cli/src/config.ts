import { configDir } from "./auth/config-dir.js";
import { DEFAULT_PROFILE, profilesPath, readableByOthers, readProfiles } from "./auth/profiles.js";
import { UsageError } from "./errors.js";
import { readFlagFile } from "./input-files.js";
import type { Runtime } from "./runtime.js";

/** The global flags that say where the API is and who you are. */
export interface ConnectionFlags {
  /**
   * `--base-url`: where the API is.
   * @default CDESK_BASE_URL, else the saved profile's, else the client's (the spec's server)
   * @example cdesk --base-url http://127.0.0.1:4010 gpus
   */
  baseUrl?: string;
  /**
   * `--token-file`: a file holding only the token.
   * @default CDESK_API_TOKEN, else the saved profile's token
   * @example cdesk --token-file /run/secrets/cdesk gpus
   */
  tokenFile?: string;
  /**
   * `--profile`: which saved login to use.
   * @default CDESK_PROFILE, else "default"
   * @example cdesk --profile staging auth status
   */
  profile?: string;
  /**
   * `-H`: extra headers on every request (repeatable).
   * @default {}
   * @example cdesk -H "Prefer: code=404" offer 3f6c...
   */
  header?: Record<string, string>;
}

/** What the client is built with; a missing token is left for the client to report. */
export interface Connection {
  token?: string;
  baseUrl?: string;
  headers?: Record<string, string>;
}

/** A connection, and where its token and address came from (for `auth status`). */
export interface ResolvedConnection {
  connection: Connection;
  profile: string;
  tokenFrom?: string;
  baseUrlFrom?: string;
}

export type ConfigRuntime = Pick<Runtime, "env" | "readFile" | "platform" | "homedir" | "stderr">;

/** `--profile`, else `CDESK_PROFILE`, else "default". */
export function profileName(flags: ConnectionFlags, env: Runtime["env"]): string {
  return nonEmpty(flags.profile) ?? nonEmpty(env.CDESK_PROFILE) ?? DEFAULT_PROFILE;
}

/**
 * A flag wins over the environment, and the environment over the saved profile: `--token-file`,
 * then `CDESK_API_TOKEN`, then the profile's token; `--base-url`, then `CDESK_BASE_URL`, then the
 * profile's address. The token is never a flag, so it stays out of shell history and `ps`.
 */
export async function resolveConnection(flags: ConnectionFlags, runtime: ConfigRuntime): Promise<ResolvedConnection> {
  const profile = profileName(flags, runtime.env);
  let token = flags.tokenFile !== undefined ? await readTokenFile(flags.tokenFile, runtime) : nonEmpty(runtime.env.CDESK_API_TOKEN);
  let tokenFrom = flags.tokenFile !== undefined ? `--token-file ${flags.tokenFile}` : token && "CDESK_API_TOKEN";
  let baseUrl = nonEmpty(flags.baseUrl) ?? nonEmpty(runtime.env.CDESK_BASE_URL);
  let baseUrlFrom = nonEmpty(flags.baseUrl) ? "--base-url" : baseUrl && "CDESK_BASE_URL";

  if (!token || !baseUrl) {
    const dir = configDir(runtime);
    const saved = (await readProfiles(dir))[profile];
    const chosen = nonEmpty(flags.profile) ?? nonEmpty(runtime.env.CDESK_PROFILE);
    if (!saved && chosen && !token) {
      throw new UsageError(`No saved login named "${chosen}": run \`cdesk auth login --profile ${chosen}\` first.`);
    }
    if (saved && !token) {
      token = saved.token;
      tokenFrom = `profile "${profile}" (${profilesPath(dir)})`;
      await warnIfReadable(profilesPath(dir), runtime);
    }
    if (saved?.base_url && !baseUrl) {
      baseUrl = saved.base_url;
      baseUrlFrom = `profile "${profile}"`;
    }
  }
  return {
    connection: { ...(token && { token }), ...(baseUrl && { baseUrl }), ...(flags.header && { headers: flags.header }) },
    profile,
    ...(tokenFrom && { tokenFrom }),
    ...(baseUrlFrom && { baseUrlFrom }),
  };
}

async function readTokenFile(path: string, runtime: ConfigRuntime): Promise<string> {
  const token = (await readFlagFile(runtime, "--token-file", path)).trim();
  if (!token) throw new UsageError(`--token-file ${path} is empty: it should hold only the API token.`);
  await warnIfReadable(path, runtime);
  return token;
}

/** A token others can read is as good as theirs: say so, and how to fix it. */
export async function warnIfReadable(path: string, runtime: Pick<Runtime, "platform" | "stderr">): Promise<void> {
  if (await readableByOthers(path, runtime.platform)) {
    runtime.stderr.write(`warning: ${path} holds your API token and other users can read it: run \`chmod 600 ${path}\`.\n`);
  }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}
