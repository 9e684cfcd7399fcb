import type { OperationModel } from "./spec-model.js";
import { isYamlMediaType, mediaTypeEssence, yamlBodyToJson } from "./yaml-body.js";

/** What to do with a request body before Prism sees it. */
export type BodyDecision =
  /** Forward the body as it came. */
  | { kind: "as-is" }
  /** Forward this JSON instead (it was YAML). */
  | { kind: "json"; json: string }
  /** Answer this problem without asking Prism. */
  | { kind: "problem"; status: 400 | 415; title: string; detail: string };

/**
 * Decides from the operation's declared request media types (read from the original spec):
 * - an undeclared media type gets 415 (Prism would answer the operation's 422 example, and
 *   with the YAML-as-JSON declaration it would even accept JSON where the API wants YAML);
 * - a YAML body is parsed: malformed YAML gets 400 naming the parser's error, anything else
 *   goes to Prism as JSON to be validated against the schema;
 * - everything else (no body, no content type, no body declared) goes through untouched.
 */
export async function decideBody(
  method: string,
  operation: OperationModel,
  contentType: string | undefined,
  readBody: () => Promise<string>,
): Promise<BodyDecision> {
  const mediaType = mediaTypeEssence(contentType);
  const declared = operation.requestMediaTypes;
  if (mediaType === undefined || declared.length === 0) return { kind: "as-is" };
  if (!declared.includes(mediaType)) {
    const detail = `${method} ${operation.route.template} accepts ${declared.join(", ")}, not ${mediaType}`;
    return { kind: "problem", status: 415, title: "Unsupported Media Type", detail };
  }
  if (!isYamlMediaType(mediaType)) return { kind: "as-is" };
  const converted = yamlBodyToJson(await readBody());
  if (!converted.ok) return { kind: "problem", status: 400, title: "Malformed YAML body", detail: converted.error };
  return { kind: "json", json: converted.json };
}
