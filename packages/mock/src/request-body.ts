import { jsonInvalid, unsupportedMediaType, yamlInvalid, type ValidationItem } from "./fastapi-errors.js";
import type { OperationModel } from "./spec-model.js";
import { isYamlMediaType, mediaTypeEssence, yamlBodyToJson } from "./yaml-body.js";

/** What to do with a request body before Prism sees it. */
export type BodyDecision =
  /** Forward this body, with this content type (a YAML body goes on as JSON). */
  | { kind: "forward"; body: string; contentType: string | undefined }
  /** Answer 422 with these errors without asking Prism. */
  | { kind: "reject"; detail: ValidationItem[] };

export interface BodyRequest {
  readonly method: string;
  readonly contentType: string | undefined;
  /** Whether the request carries a bearer token (FastAPI checks it before the app reads a body). */
  readonly authorized: boolean;
  readonly text: string;
}

/** `application/json`, `application/problem+json`...; FastAPI also reads a body without a content type as JSON. */
function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType === undefined || mediaType === "application/json" || /^application\/[^/]+\+json$/.test(mediaType);
}

/** The offset JSON.parse reports (`... at position 12`), else the end of the text. */
function jsonErrorPosition(error: Error, text: string): number {
  const position = /position (\d+)/.exec(error.message);
  return position ? Number(position[1]) : text.length;
}

/**
 * Decides, in FastAPI's order, from the operation's declared request media types (read from the
 * original spec), for an operation that takes a body and a request that has one:
 * 1. a JSON body (or one without a content type) that does not parse gets FastAPI's
 *    `json_invalid`, before the token is checked, as FastAPI reads the body first;
 * 2. without a token, the body goes on as it came: Prism answers 401;
 * 3. an undeclared media type gets 422 naming what the operation accepts (Prism would answer
 *    415, a status the spec does not declare);
 * 4. a YAML body is parsed: malformed YAML (and alias bombs) gets 422 `yaml_invalid`, anything
 *    else goes to Prism as JSON to be validated against the schema.
 */
export function decideBody(operation: OperationModel, request: BodyRequest): BodyDecision {
  const mediaType = mediaTypeEssence(request.contentType);
  const forward: BodyDecision = { kind: "forward", body: request.text, contentType: request.contentType };
  if (isJsonMediaType(mediaType)) {
    try {
      JSON.parse(request.text);
    } catch (error) {
      return { kind: "reject", detail: [jsonInvalid(jsonErrorPosition(error as Error, request.text), (error as Error).message)] };
    }
  }
  if (!request.authorized) return forward;
  const declared = operation.requestMediaTypes;
  if (mediaType === undefined && declared.includes("application/json")) return { ...forward, contentType: "application/json" };
  if (mediaType === undefined || !declared.includes(mediaType)) {
    const message = `${request.method} ${operation.route.template} accepts ${declared.join(", ")}, not ${mediaType ?? "a body without a content type"}`;
    return { kind: "reject", detail: [unsupportedMediaType(message)] };
  }
  if (!isYamlMediaType(mediaType)) return forward;
  const converted = yamlBodyToJson(request.text);
  if (!converted.ok) return { kind: "reject", detail: [yamlInvalid(converted.position, converted.error)] };
  return { kind: "forward", body: converted.json, contentType: "application/json" };
}
