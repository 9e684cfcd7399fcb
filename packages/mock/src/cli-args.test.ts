import { expect, test } from "vitest";
import { parseCliArgs, USAGE } from "./cli-args.js";

test("defaults to port 4010", () => {
  expect(parseCliArgs([])).toEqual({ kind: "start", options: { port: 4010 } });
});

test("every flag maps to its option", () => {
  expect(parseCliArgs(["--port", "0", "--host", "0.0.0.0", "--scenario", "lifecycle", "--spec", "api.yaml"])).toEqual({
    kind: "start",
    options: { port: 0, host: "0.0.0.0", scenario: "lifecycle", spec: "api.yaml" },
  });
  expect(parseCliArgs(["--dynamic", "--seed", "42"])).toEqual({ kind: "start", options: { port: 4010, dynamic: true, seed: "42" } });
  expect(parseCliArgs(["--proxy", "https://supply-api.compute-desk.com"])).toEqual({
    kind: "start",
    options: { port: 4010, proxy: "https://supply-api.compute-desk.com" },
  });
  expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
});

test.each([
  [["--port=-1"], '--port must be an integer from 0 to 65535, got "-1"'],
  [["--port", "65536"], '--port must be an integer from 0 to 65535, got "65536"'],
  [["--scenario", "happy"], "--scenario must be one of provisioning, provisioning-fails, deletion, lifecycle"],
  [["--seed", "1"], "--seed only applies with --dynamic"],
  [["--proxy", "supply-api.compute-desk.com"], '--proxy must be an http(s) URL, got "supply-api.compute-desk.com"'],
  [["--proxy", "http://x", "--scenario", "deletion"], "--proxy cannot be combined with --scenario or --dynamic"],
  [["--dynamic=yes"], "--dynamic"],
  [["extra"], "extra"],
])("%j is a usage error", (args, message) => {
  expect(() => parseCliArgs(args)).toThrow(expect.objectContaining({ name: "UsageError", message: expect.stringContaining(message) }));
});

test("the help names the token variable the rest of cdesk uses", () => {
  expect(USAGE).toContain("$CDESK_API_TOKEN");
  expect(USAGE).not.toMatch(/\$CDESK_TOKEN\b/);
});
