/// <reference types="node" />
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const script = fileURLToPath(new URL("./generate-operations.mjs", import.meta.url));
const committed = fileURLToPath(new URL("../src/generated/operations.ts", import.meta.url));

const OK = { "200": { description: "ok", content: { "application/json": { schema: { type: "object" } } } } };

function specFile(paths: object): string {
  const path = join(mkdtempSync(join(tmpdir(), "cdesk-operations-")), "spec.json");
  writeFileSync(path, JSON.stringify({ servers: [{ url: "https://x.example" }], paths }));
  return path;
}

function specWith(schema: object): string {
  const body = { content: { "application/json": { schema } } };
  return specFile({ "/things": { post: { "x-cdesk-retry": "idempotent", requestBody: body, responses: OK } } });
}

/** Runs the generator on a spec; `--check` against the committed file, so it never writes. */
function generate(spec: string) {
  return spawnSync("node", [script, "--check", "--spec", spec], { encoding: "utf8" });
}

describe("generate-operations", () => {
  it("finds the committed file up to date with the spec @cdesk/types ships", () => {
    expect(execFileSync("node", [script, "--check"], { encoding: "utf8" })).toContain("matches the spec");
  });

  it("gives procure its retry class and long timeout from the overlay's x-cdesk-* extensions", () => {
    const text = readFileSync(committed, "utf8");
    expect(text).toMatch(/"POST \/procure_offer": \{\n {4}"retry": "only-if-not-sent",\n {4}"timeoutMs": 600000,/);
    expect(text).toMatch(/"GET \/offers\/\{offer_id\}": \{\n {4}"retry": "idempotent",\n {4}"timeoutMs": 60000,/);
  });

  it.each([
    ["maximum", { type: "object", properties: { n: { type: "integer", maximum: 8 } } }, "POST /things body.n: the keyword maximum"],
    ["a closed enum", { type: "object", properties: { s: { type: "string", enum: ["a", "b"] } } }, "the keyword enum"],
    ["a date-time format", { type: "object", properties: { at: { type: "string", format: "date-time" } } }, "format date-time"],
    ["additionalProperties: false", { type: "object", additionalProperties: false }, "the keyword additionalProperties"],
    ["an anyOf of types", { anyOf: [{ type: "string" }, { type: "integer" }] }, "an anyOf of several types"],
    ["an x-cdesk rule it does not know", { type: "string", "x-cdesk-upper-case": true }, "the keyword x-cdesk-upper-case"],
  ])("refuses a spec whose requests use %s, naming where", (_, schema, message) => {
    const run = generate(specWith(schema));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain("not enforced by packages/client/src/validate.ts");
  });

  it.each([
    ["a POST that does not say whether it may be repeated", { post: { responses: OK } }, "POST /things: a POST needs x-cdesk-retry"],
    ["an unknown retry class", { get: { "x-cdesk-retry": "sometimes", responses: OK } }, "x-cdesk-retry must be one of"],
    ["a timeout that is not a positive integer", { get: { "x-cdesk-timeout-ms": -1, responses: OK } }, "x-cdesk-timeout-ms must be a positive integer"],
    ["list keys on an object answer", { get: { "x-cdesk-list-keys": ["items"], responses: OK } }, "x-cdesk-list-keys needs an array response"],
    ["no 2xx answer", { get: { responses: { "404": { description: "no" } } } }, "no 2xx response"],
  ])("refuses %s", (_, operations, message) => {
    const run = generate(specFile({ "/things": operations }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(message);
  });
});
