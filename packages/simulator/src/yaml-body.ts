import { parse } from "yaml";
import type { ValidationIssue } from "./validate.js";

// PyYAML's safe_load has no alias limit, but a service behind it would not survive a billion-laughs
// document: the simulator refuses one the way the yaml package does, with a 422 rather than a 500.
const MAX_ALIAS_COUNT = 100;

/**
 * Reads a YAML body as PyYAML's `safe_load` does (YAML 1.1: `yes`/`no`/`on`/`off` are booleans,
 * `<<` merges, duplicate keys keep the last value). A document that does not parse is a 422.
 */
export function parseYamlBody(text: string): { ok: true; value: unknown } | { ok: false; issue: ValidationIssue } {
  try {
    const value = parse(text, { version: "1.1", uniqueKeys: false, maxAliasCount: MAX_ALIAS_COUNT, merge: true, prettyErrors: false });
    return { ok: true, value: value ?? null };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0]! : "invalid YAML";
    return { ok: false, issue: { type: "yaml_invalid", loc: ["body"], msg: `Invalid YAML: ${reason}` } };
  }
}
