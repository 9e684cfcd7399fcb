import { describe, expect, it } from "vitest";
import { checkStructure, loadSpec, parseSpec } from "./load-spec.mjs";

const minimal = { openapi: "3.1.0", info: { title: "Supply Service", version: "0.1.0" }, paths: {} };

describe("parseSpec", () => {
  it("reads JSON and YAML to the same document, keeping quoted status codes as strings", () => {
    const json = '{"openapi":"3.1.0","paths":{"/a":{"get":{"responses":{"200":{"description":"OK"}}}}}}';
    const yaml = "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n";
    expect(parseSpec(yaml, "x.yaml")).toEqual(parseSpec(json, "x.json"));
  });

  it("names the source and the parser's reason when the text does not parse", () => {
    expect(() => parseSpec("openapi: [3.1", "next.yaml")).toThrow(/^next\.yaml is not valid YAML: /);
    expect(() => parseSpec("[1, 2]", "next.yaml")).toThrow("next.yaml is not an OpenAPI document: expected an object at the top level");
  });
});

describe("checkStructure", () => {
  it("accepts an OpenAPI 3.0 or 3.1 document", () => {
    expect(() => checkStructure(minimal, "next.yaml")).not.toThrow();
    expect(() => checkStructure({ ...minimal, openapi: "3.0.3" }, "next.yaml")).not.toThrow();
  });

  it("lists every problem, naming the field", () => {
    expect(() => checkStructure({ openapi: "4.0", info: { title: 1 }, paths: { offers: {} } }, "next.yaml")).toThrow(
      [
        "next.yaml is not a valid OpenAPI 3.x document:",
        '  - "openapi" must be a 3.x version string (found "4.0")',
        '  - "info.title" must be a string',
        '  - "info.version" must be a string',
        '  - path "offers" must start with "/"',
      ].join("\n"),
    );
  });
});

describe("loadSpec", () => {
  it("fetches a URL with the injected fetch and appends /openapi.json to a bare host", async () => {
    /** @type {string[]} */
    const urls = [];
    const fetch = /** @type {typeof globalThis.fetch} */ (
      async (url) => {
        urls.push(String(url));
        return new Response(JSON.stringify(minimal), { status: 200 });
      }
    );
    const { document, label } = await loadSpec("https://supply-api.compute-desk.com", { fetch });
    expect(urls).toEqual(["https://supply-api.compute-desk.com/openapi.json"]);
    expect(label).toBe("https://supply-api.compute-desk.com/openapi.json");
    expect(document).toEqual(minimal);
  });

  it("reports a network failure with the URL and the cause", async () => {
    const failure = new TypeError("fetch failed", { cause: new Error("getaddrinfo ENOTFOUND supply-api.compute-desk.com") });
    const fetch = /** @type {typeof globalThis.fetch} */ (async () => Promise.reject(failure));
    await expect(loadSpec("https://supply-api.compute-desk.com/openapi.json", { fetch })).rejects.toThrow(
      "could not download https://supply-api.compute-desk.com/openapi.json: fetch failed (getaddrinfo ENOTFOUND supply-api.compute-desk.com)",
    );
  });

  it("reports a missing file by the path the user typed", async () => {
    await expect(loadSpec("does-not-exist.yaml", { cwd: "/nonexistent" })).rejects.toThrow(/^could not read does-not-exist\.yaml: ENOENT/);
  });
});
