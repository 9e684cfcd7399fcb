/**
 * How long `tsc --noEmit` takes on a consumer file that calls every operation once, per client:
 * the cost a user pays in their editor and CI for the types each approach produces.
 */
import { BIN, medianTime } from "./run-command.js";

export interface TypecheckTime {
  name: string;
  ms: number;
}

const CONSUMERS = [
  { name: "openapi-fetch + @cdesk/types", file: "openapi-fetch.ts" },
  { name: "@cdesk/client", file: "cdesk.ts" },
  { name: "@hey-api/openapi-ts", file: "hey-api.ts" },
  { name: "orval", file: "orval.ts" },
] as const;

/** A strict project as `tsc --init` makes it (skipLibCheck on), checking one file and what it imports. */
const TSC_FLAGS = ["--noEmit", "--strict", "--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler"];
const TSC_LIBS = ["--lib", "es2022,dom", "--skipLibCheck", "--types", "node"];

export function timeTypechecks(runs: number): TypecheckTime[] {
  return CONSUMERS.map(({ name, file }) => ({
    name,
    ms: medianTime(runs, BIN("tsc"), [...TSC_FLAGS, ...TSC_LIBS, `src/consumers/${file}`]),
  }));
}
