import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { clientWithSpyFetch } from "./spy-fetch.js";
import { trickyString, validQuery } from "./arbitraries.js";

describe("offers.search sends any valid query as YAML that reads back unchanged", () => {
  it.each(["1.1", "1.2"] as const)("with a YAML %s parser (PyYAML-like and modern)", async (version) => {
    await fc.assert(
      fc.asyncProperty(validQuery, async (query) => {
        const { cdesk, requests } = clientWithSpyFetch();
        await cdesk.offers.search(query);
        expect(requests).toHaveLength(1);
        const [sent] = requests;
        expect(sent?.method).toBe("POST");
        expect(new URL(sent?.url ?? "").pathname).toBe("/get_offers");
        expect(sent?.contentType).toBe("application/yaml");
        expect(parse(sent?.body ?? "", { version })).toEqual(query);
      }),
      { numRuns: 200 },
    );
  });

  it("keeps every string a string, whatever YAML would make of it bare", async () => {
    await fc.assert(
      fc.asyncProperty(trickyString.filter((s) => s.length > 0), async (vendor) => {
        const { cdesk, requests } = clientWithSpyFetch();
        await cdesk.offers.search({ vendor, compute: { gpu_type: vendor } });
        for (const version of ["1.1", "1.2"] as const) {
          expect(parse(requests[0]?.body ?? "", { version })).toStrictEqual({ vendor, compute: { gpu_type: vendor } });
        }
      }),
      { numRuns: 200 },
    );
  });
});
