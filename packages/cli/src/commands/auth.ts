import { AuthenticationError, CdeskConfigError, PermissionDeniedError } from "@cdesk/client";
import type { Command } from "commander";
import { configDir } from "../auth/config-dir.js";
import { maskToken } from "../auth/mask.js";
import { removeProfile, saveProfile } from "../auth/profiles.js";
import { readToken } from "../auth/read-token.js";
import { profileName, resolveConnection } from "../config.js";
import type { CommandContext } from "../context.js";
import { renderDetails } from "../format/table.js";
import { examples } from "./help.js";

const API_VERDICT = {
  accepted: "accepts the token",
  refused: "refuses the token",
  unknown: "could not tell (see the error)",
  none: "not asked (no token)",
};

/** `auth login`, `auth status`, `auth logout`: a saved token per profile, instead of an environment variable. */
export function registerAuthCommands(program: Command, context: CommandContext): void {
  const auth = program
    .command("auth")
    .description("Save, check or remove your API token (per --profile)")
    .addHelpText(
      "after",
      `
The token is saved in ${"`profiles.json`"} in your config directory ($XDG_CONFIG_HOME/cdesk, else ~/.config/cdesk;
~/Library/Application Support/cdesk on macOS, %APPDATA%\\cdesk on Windows), readable only by you.
A flag wins over a variable, and a variable over the saved login: --token-file, then CDESK_API_TOKEN,
then the profile (--profile, else CDESK_PROFILE, else "default").
${examples(
  ["cdesk auth login", "paste the token at a prompt that does not show it"],
  ["cdesk auth login --profile staging --base-url https://staging.example < token.txt", "from a file, with its address"],
  ["cdesk auth status", "which token and address are used, and whether the API accepts the token"],
  ["cdesk auth logout", "forget the saved token"],
)}`,
    );

  auth
    .command("login")
    .description("Save an API token (read without echo on a terminal, or from stdin)")
    .addHelpText("after", examples(["cdesk auth login", "prompt for the token"], ["cdesk auth login < token.txt", "read it from a file"]))
    .action(async () => {
      const { runtime } = context;
      const token = await readToken(runtime);
      const profile = profileName(context.globals(), runtime.env);
      const baseUrl = context.globals().baseUrl?.trim();
      const path = await saveProfile(configDir(runtime), profile, { token, ...(baseUrl && { base_url: baseUrl }) });
      runtime.stderr.write(`Saved the token of profile "${profile}" in ${path} (readable only by you).\n`);
      if (runtime.env.CDESK_API_TOKEN?.trim()) runtime.stderr.write("Note: CDESK_API_TOKEN is set, and wins over the saved token.\n");
      runtime.stderr.write("Check it with: cdesk auth status\n");
    });

  auth
    .command("status")
    .description("Show the profile, address and token used (masked), and whether the API accepts the token")
    .addHelpText("after", examples(["cdesk auth status", "exit code 5 if the API refuses the token"]))
    .action(async () => {
      const resolved = await resolveConnection(context.globals(), context.runtime);
      const { token, baseUrl } = resolved.connection;
      // null: not asked (no token); "unknown": asked, but no answer about the token (see the error).
      let api: "accepted" | "refused" | "unknown" | null = null;
      let failure: unknown;
      if (!token) {
        failure = new CdeskConfigError("token", "No API token");
      } else {
        try {
          await (await context.client()).catalog.regions(context.call());
          api = "accepted";
        } catch (error) {
          api = error instanceof AuthenticationError || error instanceof PermissionDeniedError ? "refused" : "unknown";
          failure = error;
        }
      }
      const usedUrl = baseUrl ?? (context.trail.lastUrl && new URL(context.trail.lastUrl).origin);
      const status = {
        profile: resolved.profile,
        token: token ? maskToken(token) : null,
        token_from: resolved.tokenFrom ?? null,
        base_url: usedUrl ?? null,
        base_url_from: resolved.baseUrlFrom ?? "default",
        api,
      };
      context.print(status, () =>
        renderDetails([
          ["Profile", status.profile],
          ["Token", token ? `${status.token}, from ${status.token_from}` : "none"],
          ["Base URL", usedUrl ? `${usedUrl} (${status.base_url_from})` : "the default"],
          ["API", API_VERDICT[api ?? "none"]],
        ]),
      );
      if (failure) throw failure;
    });

  auth
    .command("logout")
    .description("Remove the saved token of the profile")
    .addHelpText("after", examples(["cdesk auth logout", 'forget the "default" profile'], ["cdesk auth logout --profile staging", "another one"]))
    .action(async () => {
      const { runtime } = context;
      const profile = profileName(context.globals(), runtime.env);
      const dir = configDir(runtime);
      const removed = await removeProfile(dir, profile);
      runtime.stderr.write(removed ? `Removed the saved token of profile "${profile}".\n` : `No saved token for profile "${profile}": nothing to do.\n`);
      if (runtime.env.CDESK_API_TOKEN?.trim()) runtime.stderr.write("Note: CDESK_API_TOKEN is still set, and is still used.\n");
    });
}
