import { mkdtemp, readFile, stat, writeFile, chmod } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { profilesPath, readableByOthers, readProfiles, removeProfile, saveProfile } from "./profiles.js";

const newDir = async () => join(await mkdtemp(join(tmpdir(), "cdesk-profiles-")), "cdesk");

describe("profiles", () => {
  it("saves a token in a file only its owner can read, in a directory only its owner can enter", async () => {
    const dir = await newDir();
    const path = await saveProfile(dir, "default", { token: "cd_live_123" });
    expect(path).toBe(join(dir, "profiles.json"));
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual({ profiles: { default: { token: "cd_live_123" } } });
  });

  it("keeps several profiles; removing the last one removes the file", async () => {
    const dir = await newDir();
    await saveProfile(dir, "default", { token: "a" });
    await saveProfile(dir, "staging", { token: "b", base_url: "https://staging.example" });
    expect(await readProfiles(dir)).toEqual({ default: { token: "a" }, staging: { token: "b", base_url: "https://staging.example" } });
    expect(await removeProfile(dir, "default")).toBe(true);
    expect(await removeProfile(dir, "default")).toBe(false);
    expect(await removeProfile(dir, "staging")).toBe(true);
    await expect(stat(profilesPath(dir))).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("reads no profiles from a missing file, and names a damaged one", async () => {
    const dir = await newDir();
    expect(await readProfiles(dir)).toEqual({});
    await saveProfile(dir, "default", { token: "a" });
    await writeFile(profilesPath(dir), "{ not json");
    await expect(readProfiles(dir)).rejects.toThrow(`${profilesPath(dir)} is not a cdesk profiles file`);
  });

  it("tells a file others can read", async () => {
    const dir = await newDir();
    const path = await saveProfile(dir, "default", { token: "a" });
    expect(await readableByOthers(path, "linux")).toBe(false);
    await chmod(path, 0o644);
    expect(await readableByOthers(path, "linux")).toBe(true);
    expect(await readableByOthers(path, "win32")).toBe(false);
  });
});
