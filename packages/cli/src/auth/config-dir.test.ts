import { describe, expect, it } from "vitest";
import { configDir } from "./config-dir.js";

const at = (platform: NodeJS.Platform, env: Record<string, string> = {}) => configDir({ platform, env, homedir: () => "/home/ada" });

describe("configDir", () => {
  it("follows XDG_CONFIG_HOME, else ~/.config on Linux", () => {
    expect(at("linux", { XDG_CONFIG_HOME: "/tmp/xdg" })).toBe("/tmp/xdg/cdesk");
    expect(at("linux")).toBe("/home/ada/.config/cdesk");
    expect(at("freebsd")).toBe("/home/ada/.config/cdesk");
  });

  it("ignores a relative XDG_CONFIG_HOME, as the XDG spec says", () => {
    expect(at("linux", { XDG_CONFIG_HOME: "relative/dir" })).toBe("/home/ada/.config/cdesk");
  });

  it("uses the platform's usual place on macOS and Windows", () => {
    expect(at("darwin")).toBe("/home/ada/Library/Application Support/cdesk");
    expect(at("win32", { APPDATA: "/users/ada/AppData/Roaming" })).toMatch(/^\/users\/ada\/AppData\/Roaming[\\/]cdesk$/);
  });
});
