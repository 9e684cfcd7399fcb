import { BODY_MISSING, unparsableValue, type ValidationItem } from "./fastapi-errors.js";
import { parametersOf, resolveLocalRef, type ParameterModel } from "./spec-model.js";
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
 * real API wants YAML.
 *
 * Each operation's 422 also keeps only the examples that fit it (see fitValidationExamples).
 * Other responses, examples and schemas are untouched.
 */
export function toPrismDocument(document: Json): Json {
  const copy = structuredClone(document);
  const paths = isObject(copy.paths) ? copy.paths : {};
  for (const pathItem of Object.values(paths)) {
    if (!isObject(pathItem)) continue;
    for (const operation of Object.values(pathItem)) {
      if (!isObject(operation)) continue;
      // Before the YAML rewrite below changes the copy: this reads the request body's presence only.
      fitValidationExamples(copy, operation, parametersOf(copy, pathItem, operation));
      // Resolving in the copy means a shared components/requestBodies entry is changed once for all.
      const requestBody = resolveLocalRef(copy, operation.requestBody);
      if (isObject(requestBody) && isObject(requestBody.content)) declareYamlAsJson(requestBody.content);
    }
  }
  return copy;
}

/** True when every `loc` of the example names an input the operation has. */
function fits(example: unknown, parameters: readonly ParameterModel[], takesBody: boolean): boolean {
  const detail = isObject(example) && Array.isArray(example.detail) ? example.detail : [];
  return detail.every((item: unknown) => {
    const loc = isObject(item) && Array.isArray(item.loc) ? item.loc : [];
    if (loc[0] === "body") return takesBody;
    return parameters.some((parameter) => parameter.in === loc[0] && parameter.name === loc[1]);
  });
}

/** A 422 body about the operation's first input, in FastAPI's words; `{detail: []}` when it has none. */
function exampleFor(parameters: readonly ParameterModel[], takesBody: boolean): { detail: ValidationItem[] } {
  for (const parameter of parameters) {
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    const item = unparsableValue(parameter.in, parameter.name, parameter.schema, "x");
    if (item) return { detail: [item] };
  }
  return { detail: takesBody ? [{ ...BODY_MISSING }] : [] };
}

/**
 * Why: the spec's 422 is one shared response whose example is about `path.offer_id`; served as
 * it is (`Prefer: code=422`), an operation without that parameter would answer about it. The
 * operation gets its own copy of the response with the examples that fit it, or, if none do,
 * one made from its first input.
 */
function fitValidationExamples(document: Json, operation: Json, parameters: readonly ParameterModel[]): void {
  const responses = isObject(operation.responses) ? operation.responses : undefined;
  const response = resolveLocalRef(document, responses?.["422"]);
  if (!responses || !isObject(response) || !isObject(response.content)) return;
  const takesBody = operation.requestBody !== undefined;
  let changed = false;
  const content: Json = {};
  for (const [mediaType, media] of Object.entries(response.content)) {
    if (!isObject(media) || !isObject(media.examples)) {
      content[mediaType] = media;
      continue;
    }
    const examples = Object.entries(media.examples);
    const kept = examples.filter(([, example]) => fits((resolveLocalRef(document, example) as Json | undefined)?.value, parameters, takesBody));
    if (kept.length === examples.length) {
      content[mediaType] = media;
      continue;
    }
    changed = true;
    const fallback = { fitting: { summary: "A validation error about this operation's input", value: exampleFor(parameters, takesBody) } };
    content[mediaType] = { ...media, examples: kept.length > 0 ? Object.fromEntries(kept) : fallback };
  }
  if (changed) responses["422"] = { ...response, content };
}

function declareYamlAsJson(content: Json): void {
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isYamlMediaType(mediaType.toLowerCase())) continue;
    delete content[mediaType];
    if (!("application/json" in content)) content["application/json"] = media;
  }
}
