// orval's configuration for the benchmark: the `fetch` client, one file, base URL and token added
// by the mutator (src/contenders/orval-fetch.ts). Output is generated at bench time, not committed.
module.exports = {
  supply: {
    input: {
      target: "../openapi/supply-api.yaml",
      // orval 7.13's fetch client writes a range status literally (`status: 5XX`, which does not
      // compile), so range responses (the spec's 5XX) are left out of what orval sees: they only
      // type error answers, and the benchmark measures successful calls.
      override: { transformer: withoutRangeStatuses },
    },
    output: {
      target: "./generated/orval/supply.ts",
      client: "fetch",
      mode: "single",
      override: { mutator: { path: "./src/contenders/orval-fetch.ts", name: "orvalFetch" } },
    },
  },
};

function withoutRangeStatuses(spec) {
  for (const pathItem of Object.values(spec.paths ?? {})) {
    for (const operation of Object.values(pathItem)) {
      const responses = operation && typeof operation === "object" ? operation.responses : undefined;
      if (!responses) continue;
      for (const code of Object.keys(responses)) if (/^[1-5]XX$/i.test(code)) delete responses[code];
    }
  }
  return spec;
}
