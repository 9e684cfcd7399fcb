import { expect, test } from "vitest";
import { parseCliArgs, parseDuration, UsageError } from "./cli-args.js";

test("defaults: port 4010 on 127.0.0.1, the library's own timing", () => {
  expect(parseCliArgs([])).toEqual({ kind: "start", port: 4010, host: "127.0.0.1", seed: undefined, provisioningMs: undefined, deletionMs: undefined, token: undefined });
});

test("--port, --seed, --provisioning and --deletion as documented", () => {
  expect(parseCliArgs(["--port", "0", "--seed", "7", "--provisioning", "20s", "--deletion", "500ms"])).toMatchObject({
    port: 0,
    seed: 7,
    provisioningMs: 20_000,
    deletionMs: 500,
  });
  expect(parseDuration("x", "2m")).toBe(120_000);
  expect(parseDuration("x", "1.5")).toBe(1_500);
});

test("bad input is a UsageError naming the flag", () => {
  expect(() => parseCliArgs(["--port", "70000"])).toThrow(UsageError);
  expect(() => parseCliArgs(["--provisioning", "soon"])).toThrow(/--provisioning must be a duration/);
  expect(() => parseCliArgs(["--seed", "x"])).toThrow(/--seed must be an integer/);
  expect(() => parseCliArgs(["--nope"])).toThrow(UsageError);
});
