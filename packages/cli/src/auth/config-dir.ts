import { isAbsolute, join } from "node:path";
import type { Runtime } from "../runtime.js";

/**
 * Where cdesk keeps its settings: `$XDG_CONFIG_HOME/cdesk` when that is set (on any platform,
 * as gh does), else the platform's usual place: `~/.config/cdesk` on Linux and other Unixes,
 * `~/Library/Application Support/cdesk` on macOS, `%APPDATA%\cdesk` on Windows.
 */
export function configDir({ env, platform, homedir }: Pick<Runtime, "env" | "platform" | "homedir">): string {
  const xdg = env.XDG_CONFIG_HOME;
  // The XDG spec says a relative path is invalid and must be ignored.
  if (xdg && isAbsolute(xdg)) return join(xdg, "cdesk");
  if (platform === "darwin") return join(homedir(), "Library", "Application Support", "cdesk");
  if (platform === "win32") return join(env.APPDATA || join(homedir(), "AppData", "Roaming"), "cdesk");
  return join(homedir(), ".config", "cdesk");
}
