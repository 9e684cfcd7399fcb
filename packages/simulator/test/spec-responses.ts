// Checks answers against the spec: is the status declared for the operation, and does the body
// match the response schema declared for it? A real JSON Schema 2020-12 validator (ajv) reads the
// vendored spec itself, so nothing here restates the API.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const specPath = fileURLToPath(new URL("../../../openapi/supply-api.yaml", import.meta.url));
export const spec = parse(readFileSync(specPath, "utf8"));

const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false });
(addFormats as unknown as (a: Ajv2020) => void)(ajv);
ajv.addSchema(spec, "spec");

const escape = (segment: string): string => segment.replace(/~/g, "~0").replace(/\//g, "~1");
const cache = new Map<string, ReturnType<typeof ajv.compile> | null>();

/** The spec's operation for a method and a path template. */
export function operation(method: string, template: string): any {
  return spec.paths[template]?.[method.toLowerCase()];
}

/** The response key that declares `status` ("404", or a range such as "5XX"), if any. */
export function declaredKey(method: string, template: string, status: number): string | undefined {
  const responses = operation(method, template)?.responses ?? {};
  if (responses[String(status)]) return String(status);
  const range = `${String(status)[0]}XX`;
  return responses[range] ? range : undefined;
}

/** Problems with one answer: an undeclared status, or a body its schema rejects. Empty when it conforms. */
export function conformance(method: string, template: string, status: number, body: unknown): string[] {
  const key = declaredKey(method, template, status);
  if (!key) return [`${method} ${template} answered ${status}, which the spec does not declare`];
  const cacheKey = `${method} ${template} ${key}`;
  if (!cache.has(cacheKey)) {
    let pointer = `/paths/${escape(template)}/${method.toLowerCase()}/responses/${key}`;
    const response = spec.paths[template][method.toLowerCase()].responses[key];
    if (response.$ref) pointer = response.$ref.slice(1);
    const resolved = pointer.split("/").slice(1).map((s: string) => s.replace(/~1/g, "/").replace(/~0/g, "~")).reduce((at: any, k: string) => at[k], spec);
    cache.set(cacheKey, resolved.content?.["application/json"] ? ajv.compile({ $ref: `spec#${pointer}/content/application~1json/schema` }) : null);
  }
  const validator = cache.get(cacheKey);
  if (!validator) return [];
  return validator(body) ? [] : [`${method} ${template} ${status}: ${ajv.errorsText(validator.errors)}`];
}
