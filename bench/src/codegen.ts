/**
 * Generates the three clients from openapi/supply-api.yaml into bench/generated/ (not committed)
 * and times each generator's CLI, as a user would run it.
 */
import { rmSync } from "node:fs";
import { BENCH_DIR, BIN, medianTime } from "./run-command.js";

const SPEC = "../openapi/supply-api.yaml";

export interface CodegenTime {
  generator: string;
  ms: number;
}

const GENERATORS: ReadonlyArray<{ generator: string; bin: string; args: string[] }> = [
  {
    generator: "openapi-typescript (types for openapi-fetch)",
    bin: "openapi-typescript",
    args: [SPEC, "-o", "generated/openapi-typescript/api.ts"],
  },
  {
    generator: "@hey-api/openapi-ts (types + SDK + fetch client)",
    bin: "openapi-ts",
    args: ["-i", SPEC, "-o", "generated/hey-api", "-c", "@hey-api/client-fetch"],
  },
  { generator: "orval (types + fetch functions)", bin: "orval", args: ["--config", "orval.config.cjs"] },
];

export function generateClients(runs: number): CodegenTime[] {
  rmSync(`${BENCH_DIR}generated`, { recursive: true, force: true });
  return GENERATORS.map(({ generator, bin, args }) => ({ generator, ms: medianTime(runs, BIN(bin), args) }));
}
