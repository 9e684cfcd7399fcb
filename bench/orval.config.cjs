// orval's configuration for the benchmark: the `fetch` client, one file, base URL and token added
// by the mutator (src/contenders/orval-fetch.ts). Output is generated at bench time, not committed.
module.exports = {
  supply: {
    input: { target: "../openapi/supply-api.yaml" },
    output: {
      target: "./generated/orval/supply.ts",
      client: "fetch",
      mode: "single",
      override: { mutator: { path: "./src/contenders/orval-fetch.ts", name: "orvalFetch" } },
    },
  },
};
