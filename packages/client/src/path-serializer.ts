/**
 * openapi-fetch's `pathSerializer`, compiled once per client for the spec's path templates: its
 * default scans the template with a regular expression at every request (about a microsecond of a
 * GET's CPU on Node 20). The result is the same: each `{name}` replaced by its value, URI-encoded.
 * Anything else (a path outside the spec through `raw`, a value that is not a string, number or
 * boolean) goes to openapi-fetch's own serializer.
 */
import { defaultPathSerializer } from "openapi-fetch";

type PathSerializer = (url: string, params: Record<string, unknown>) => string;

/** `paths` are templates such as `/offers/{offer_id}`; openapi-fetch passes them prefixed with `baseUrl`. */
export function compilePathSerializer(baseUrl: string, paths: readonly string[]): PathSerializer {
  // `${baseUrl}/offers/{offer_id}/status` -> [`${baseUrl}/offers/`, "offer_id", "/status"]
  const templates = new Map(paths.map((path) => [baseUrl + path, (baseUrl + path).split(/\{([^{}]+)\}/)]));
  return (url, params) => {
    const parts = templates.get(url);
    if (!parts) return defaultPathSerializer(url, params);
    let serialized = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const value = params[parts[i]!];
      if (typeof value !== "string" && typeof value !== "number" && typeof value !== "boolean") return defaultPathSerializer(url, params);
      serialized += encodeURIComponent(value) + parts[i + 1];
    }
    return serialized;
  };
}
