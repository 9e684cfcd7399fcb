import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { OperationModel } from "../../src/spec-model.js";
import { operationObject, spec, type Json } from "./spec-document.js";

const SPEC_ID = "urn:cdesk:spec";

// The whole OpenAPI document is added as one schema so that its `#/components/...` refs resolve;
// it is not itself a JSON Schema (media `examples` are maps), hence no meta-schema check.
const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
(addFormats as unknown as (ajv: Ajv2020) => void)(ajv);
ajv.addSchema(spec, SPEC_ID);

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const cache = new Map<string, ValidateFunction>();

function validatorAt(pointer: string): ValidateFunction {
  let validate = cache.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `${SPEC_ID}#${pointer}` });
    cache.set(pointer, validate);
  }
  return validate;
}

/** Where a node lives: itself, or the target of its local `$ref`. */
function pointerOf(node: unknown, pointer: string): string {
  const ref = (node as Json | undefined)?.$ref;
  return typeof ref === "string" && ref.startsWith("#/") ? ref.slice(1) : pointer;
}

function operationPointer(operation: OperationModel): string {
  return `/paths/${escape(operation.route.template)}/${operation.method.toLowerCase()}`;
}

/** The response key the spec declares for a status: exact, then the `5XX` range, then `default`. */
export function declaredKey(operation: OperationModel, status: number): string | undefined {
  const responses = (operationObject(operation).responses ?? {}) as Json;
  return [String(status), `${String(status)[0]}XX`, "default"].find((key) => key in responses);
}

/** Errors (ajv's words) of a JSON body against the schema of the operation's response `key`. */
export function responseBodyErrors(operation: OperationModel, key: string, body: unknown): string[] {
  const responses = (operationObject(operation).responses ?? {}) as Json;
  const base = pointerOf(responses[key], `${operationPointer(operation)}/responses/${escape(key)}`);
  const validate = validatorAt(`${base}/content/application~1json/schema`);
  return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || "/"} ${error.message ?? ""}`);
}

/** Whether a request body value is valid for the operation's declared media type. */
export function requestBodyIsValid(operation: OperationModel, mediaType: string, body: unknown): boolean {
  const requestBody = operationObject(operation).requestBody;
  const base = pointerOf(requestBody, `${operationPointer(operation)}/requestBody`);
  return validatorAt(`${base}/content/${escape(mediaType)}/schema`)(body) as boolean;
}
