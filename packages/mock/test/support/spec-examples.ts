import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { parse } from "yaml";

const spec = parse(readFileSync(createRequire(import.meta.url).resolve("@cdesk/types/openapi.yaml"), "utf8"));

/** A named example of an operation's 200 response, straight from the shipped spec. */
export function specExample(method: string, path: string, name: string): unknown {
  const value = spec.paths[path]?.[method.toLowerCase()]?.responses?.["200"]?.content?.["application/json"]?.examples?.[name]?.value;
  if (value === undefined) throw new Error(`No example ${name} for ${method} ${path}`);
  return value;
}
