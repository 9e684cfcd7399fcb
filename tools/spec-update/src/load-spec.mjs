// Reads the new upstream document from a file or URL and checks it is an OpenAPI 3.x description.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { SpecUpdateError } from "./errors.mjs";
import { fromYaml } from "./spec-yaml.mjs";

/**
 * @typedef {{
 *   cwd?: string,
 *   fetch?: typeof globalThis.fetch,
 *   timeoutMs?: number,
 * }} LoadOptions
 * `cwd`: where a relative path is resolved (@default process.cwd()).
 * `fetch`: used for http(s) sources (@default globalThis.fetch).
 * `timeoutMs`: how long a download may take (@default 30000).
 */

/**
 * @param {string} source a path, or an http(s) URL; a URL without a path gets FastAPI's `/openapi.json`
 * @param {LoadOptions} [options]
 * @returns {Promise<{ document: Record<string, unknown>, label: string }>}
 * @throws {SpecUpdateError} when it cannot be read, parsed, or is not OpenAPI 3.x
 * @example await loadSpec("https://supply-api.compute-desk.com") // reads .../openapi.json
 */
export async function loadSpec(source, options = {}) {
  const { text, label } = /^https?:\/\//i.test(source) ? await download(source, options) : await readLocal(source, options);
  const document = parseSpec(text, label);
  checkStructure(document, label);
  return { document, label };
}

/** @param {string} source @param {LoadOptions} options */
async function download(source, { fetch = globalThis.fetch, timeoutMs = 30_000 }) {
  const url = new URL(source);
  if (url.pathname === "/" && !url.search) url.pathname = "/openapi.json";
  const label = url.href;
  let response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json, application/yaml" } });
  } catch (error) {
    throw new SpecUpdateError(`could not download ${label}: ${describeFailure(error)}`);
  }
  if (!response.ok) throw new SpecUpdateError(`could not download ${label}: HTTP ${response.status} ${response.statusText}`);
  return { text: await response.text(), label };
}

/**
 * fetch says only "fetch failed"; the reason (DNS, refused, timeout) is in its `cause`.
 * @param {unknown} error
 */
function describeFailure(error) {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

/** @param {string} source @param {LoadOptions} options */
async function readLocal(source, { cwd = process.cwd() }) {
  try {
    return { text: await readFile(resolve(cwd, source), "utf8"), label: source };
  } catch (error) {
    throw new SpecUpdateError(`could not read ${source}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * JSON (what FastAPI serves) or YAML.
 * @param {string} text
 * @param {string} label names the source in errors
 * @returns {Record<string, unknown>}
 */
export function parseSpec(text, label) {
  const json = text.trimStart().startsWith("{");
  let document;
  try {
    document = json ? JSON.parse(text) : fromYaml(text);
  } catch (error) {
    throw new SpecUpdateError(`${label} is not valid ${json ? "JSON" : "YAML"}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new SpecUpdateError(`${label} is not an OpenAPI document: expected an object at the top level`);
  }
  return document;
}

/**
 * The checks that must pass before the overlay can be applied; Redocly checks the rest.
 * @param {Record<string, any>} document
 * @param {string} label
 */
export function checkStructure(document, label) {
  const problems = [];
  if (typeof document.swagger === "string") problems.push(`it is a Swagger ${document.swagger} document; OpenAPI 3.x is required`);
  else if (typeof document.openapi !== "string" || !/^3\.\d+\.\d+/.test(document.openapi)) {
    problems.push(`"openapi" must be a 3.x version string (found ${JSON.stringify(document.openapi)})`);
  }
  if (!isObject(document.info)) problems.push('"info" must be an object');
  else {
    if (typeof document.info.title !== "string") problems.push('"info.title" must be a string');
    if (typeof document.info.version !== "string") problems.push('"info.version" must be a string');
  }
  if (!isObject(document.paths)) problems.push('"paths" must be an object');
  else {
    for (const [path, item] of Object.entries(document.paths)) {
      if (!path.startsWith("/")) problems.push(`path ${JSON.stringify(path)} must start with "/"`);
      if (!isObject(item)) problems.push(`"paths.${path}" must be an object`);
    }
  }
  if ("components" in document && !isObject(document.components)) problems.push('"components" must be an object');
  if (problems.length) throw new SpecUpdateError(`${label} is not a valid OpenAPI 3.x document:\n  - ${problems.join("\n  - ")}`);
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
