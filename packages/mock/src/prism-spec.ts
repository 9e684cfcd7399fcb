import { resolveLocalRef } from "./spec-model.js";
import { isYamlMediaType } from "./yaml-body.js";

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The document Prism is started with: the user's spec where every YAML request body is
 * declared as `application/json` with the same schema.
 *
 * Why: Prism 5 reads non-JSON bodies as plain strings, so any YAML body fails with
 * "Request body must be object" (stoplightio/prism#2050). The front parses the YAML and
 * forwards JSON; this declaration lets Prism validate that JSON against the schema the spec
 * gives the YAML body. Clients never see the change: the front itself answers 415 to a body
 * whose media type the ORIGINAL spec does not declare, so a JSON body still fails where the
 * real API wants YAML. Responses, examples and schemas are untouched.
 */
export function toPrismDocument(document: Json): Json {
  const copy = structuredClone(document);
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue;
    for (const operation of Object.values(pathItem)) {
      if (!isObject(operation)) continue;
      // Resolving in the copy means a shared components/requestBodies entry is changed once for all.
      const requestBody = resolveLocalRef(copy, operation.requestBody);
      if (isObject(requestBody) && isObject(requestBody.content)) declareYamlAsJson(requestBody.content);
    }
  }
  return copy;
}

function declareYamlAsJson(content: Json): void {
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isYamlMediaType(mediaType.toLowerCase())) continue;
    delete content[mediaType];
    if (!("application/json" in content)) content["application/json"] = media;
  }
}
