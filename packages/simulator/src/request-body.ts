import type { ValidationIssue } from "./validate.js";

export type ReadBody = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

/**
 * FastAPI's reading of a JSON body: parsed when the content type is missing or JSON (`+json`
 * too); any other content type leaves the raw text, which then fails validation; an empty body
 * is absent (`undefined`). Invalid JSON is `json_invalid` at its character position.
 */
export function readJsonBody(text: string, contentType: string | undefined): ReadBody {
  if (text === "") return { ok: true, value: undefined };
  const mediaType = contentType?.split(";")[0]!.trim().toLowerCase();
  const isJson = mediaType === undefined || mediaType === "" || /^application\/(?:json|[^/]*\+json)$/.test(mediaType);
  if (!isJson) return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    const position = /position (\d+)/.exec(message)?.[1];
    // V8 names no position when the text ends early; Python's json names the end.
    const at = position !== undefined ? Number(position) : /end of JSON/i.test(message) ? text.length : 0;
    return { ok: false, issue: { type: "json_invalid", loc: ["body", at], msg: "JSON decode error", ctx: { error: "Expecting value" } } };
  }
}
