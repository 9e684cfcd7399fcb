// openapi/supply-api.yaml must be exactly overlay.yaml applied to upstream.yaml: if someone edits
// one of the three by hand, this fails and says how to put them back in step.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyOverlay } from "../src/overlay.mjs";
import { composeSpec } from "../src/compose-spec.mjs";
import { fromYaml } from "../src/spec-yaml.mjs";
import { REPO } from "./fixtures.mjs";

const read = (/** @type {string} */ file) => readFile(join(REPO, "openapi", file), "utf8");

describe("the committed openapi/ folder", () => {
  it("supply-api.yaml is byte for byte overlay.yaml applied to upstream.yaml", async () => {
    const spec = await read("supply-api.yaml");
    const composed = composeSpec(/** @type {any} */ (fromYaml(await read("upstream.yaml"))), fromYaml(await read("overlay.yaml")), fromYaml(spec));
    expect(composed.warnings, "every overlay action applies to upstream.yaml").toEqual([]);
    expect(composed.text, "supply-api.yaml drifted: edit overlay.yaml and run `pnpm spec:update openapi/upstream.yaml`").toBe(spec);
  });

  it("has the same content whatever the key order (the order only follows the previous spec)", async () => {
    const { document } = applyOverlay(/** @type {any} */ (fromYaml(await read("upstream.yaml"))), fromYaml(await read("overlay.yaml")));
    expect(document).toEqual(fromYaml(await read("supply-api.yaml")));
  });
});
