import { parse, YAMLError } from "yaml";

/** Media types whose bodies the front turns into JSON before Prism sees them. */
const YAML_MEDIA_TYPES = new Set(["application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml"]);

/** `"Application/YAML; charset=utf-8"` -> `"application/yaml"`. */
export function mediaTypeEssence(contentType: string | undefined): string | undefined {
  const essence = contentType?.split(";")[0]?.trim().toLowerCase();
  return essence ? essence : undefined;
}

export function isYamlMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && YAML_MEDIA_TYPES.has(mediaType);
}

export type YamlConversion = { ok: true; json: string } | { ok: false; error: string; position: number | undefined };

/**
 * Turns a YAML request body into JSON text. Malformed YAML (or several documents) is an
 * error naming the parser's message and position, and so is a document that expands too far
 * (an alias bomb: the parser stops with "Excessive alias count"). A well-formed document that
 * breaks the schema is NOT an error here: Prism validates the JSON and answers 422. Whatever else
 * stops the conversion (a self-referencing alias has no JSON form) is the body's fault too.
 */
export function yamlBodyToJson(yamlText: string): YamlConversion {
  try {
    // `undefined` (an empty document) has no JSON form; null keeps Prism's "must be object" message.
    const value: unknown = parse(yamlText, { prettyErrors: true, uniqueKeys: true }) ?? null;
    return { ok: true, json: JSON.stringify(value) };
  } catch (error) {
    // The alias limit is enforced while converting to JS values and throws a ReferenceError.
    const position = error instanceof YAMLError ? error.pos[0] : undefined;
    return { ok: false, error: (error as Error).message, position };
  }
}
