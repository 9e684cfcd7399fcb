/// <reference types="node" />
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./generate-constraints.mjs", import.meta.url));

function specWith(schema: object): string {
  const path = join(mkdtempSync(join(tmpdir(), "cdesk-constraints-")), "spec.json");
  const body = { content: { "application/json": { schema } } };
  writeFileSync(path, JSON.stringify({ servers: [{ url: "https://x.example" }], paths: { "/things": { post: { requestBody: body } } } }));
  return path;
}

describe("generate-constraints", () => {
  it("finds the committed file up to date with the spec @cdesk/types ships", () => {
    expect(execFileSync("node", [script, "--check"], { encoding: "utf8" })).toContain("matches the spec");
  });

  it.each([
    ["maximum", { type: "object", properties: { n: { type: "integer", maximum: 8 } } }, "POST /things body.n: the keyword maximum"],
    ["a closed enum", { type: "object", properties: { s: { type: "string", enum: ["a", "b"] } } }, "the keyword enum"],
    ["a date-time format", { type: "object", properties: { at: { type: "string", format: "date-time" } } }, "format date-time"],
    ["additionalProperties: false", { type: "object", additionalProperties: false }, "the keyword additionalProperties"],
    ["an anyOf of types", { anyOf: [{ type: "string" }, { type: "integer" }] }, "an anyOf of several types"],
  ])("refuses a spec whose requests use %s, naming where", (_, schema, message) => {
    const run = spawnSync("node", [script, "--check", "--spec", specWith(schema)], { encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("not enforced by packages/client/src/validate.ts");
  });
});
