import fc from "fast-check";
import type { RequestCase } from "./request-cases.js";
import { requestCases } from "./request-cases.js";
import { declaredKey, responseBodyErrors } from "./schema-validators.js";

export interface FuzzFailure {
  readonly request: string;
  readonly variant: string;
  readonly status: number;
  readonly problems: readonly string[];
}

export interface FuzzSummary {
  readonly seed: number;
  readonly cases: number;
  /** Cases per variant (`valid`, `no-token`...). */
  readonly variants: Readonly<Record<string, number>>;
  /** Answers per status. */
  readonly statuses: Readonly<Record<string, number>>;
  readonly failures: readonly FuzzFailure[];
}

export interface FuzzOptions {
  readonly runs: number;
  readonly seed: number;
  /**
   * Whether answers are the spec's examples (static mock): then a 422 must be about the
   * operation's own inputs. A dynamic mock's bodies are random data of the right schema.
   */
  readonly examples: boolean;
}

/** What is wrong with one answer: undeclared status, body off its schema, unmet expectation, missing headers. */
export function answerProblems(request: RequestCase, status: number, headers: Headers, text: string, examples = true): string[] {
  const problems: string[] = [];
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    problems.push(`body is not JSON: ${text.slice(0, 80)}`);
  }
  if (!headers.get("x-request-id")) problems.push("no x-request-id");
  if (headers.get("access-control-allow-origin") !== request.headers.origin) problems.push("no CORS allow-origin for the request's Origin");
  if (status === 401 && headers.get("www-authenticate") !== "Bearer") problems.push("401 without WWW-Authenticate: Bearer");
  if (request.expect.kind === "method-not-allowed") {
    if (status !== 405 || !headers.get("allow") || JSON.stringify(body) !== '{"detail":"Method Not Allowed"}') problems.push("not FastAPI's 405 with Allow");
    return problems;
  }
  const key = declaredKey(request.operation, status);
  if (key === undefined) problems.push(`status ${status} is not declared`);
  else if (body !== undefined) problems.push(...responseBodyErrors(request.operation, key, body).map((error) => `body ${error}`));
  if (status === 422 && examples) problems.push(...foreignLocations(request, body));
  const expected = request.expect;
  if (expected.kind === "success" && (status < 200 || status > 299)) problems.push(`expected a 2xx`);
  if ((expected.kind === "status" || expected.kind === "rejected") && status !== expected.status) problems.push(`expected ${expected.status}`);
  return problems;
}

/** A 422 must be about the operation's own inputs: each `loc` names one of its parameters, or its body. */
function foreignLocations(request: RequestCase, body: unknown): string[] {
  const detail = (body as { detail?: unknown } | undefined)?.detail;
  if (!Array.isArray(detail)) return [];
  const { parameters, requestMediaTypes } = request.operation;
  return detail
    .map((item: { loc?: unknown[] }) => item.loc ?? [])
    .filter((loc) => {
      if (loc[0] === "body") return requestMediaTypes.length === 0;
      if (loc[0] === "header") return false;
      return !parameters.some((parameter) => parameter.in === loc[0] && parameter.name === loc[1]);
    })
    .map((loc) => `422 about ${loc.join(".")}, which the operation does not have`);
}

async function send(baseUrl: string, request: RequestCase, examples: boolean): Promise<{ status: number; failure?: FuzzFailure }> {
  const response = await fetch(`${baseUrl}${request.path}`, { method: request.method, headers: request.headers, body: request.body ?? null, redirect: "manual" });
  const { status } = response;
  const problems = answerProblems(request, status, response.headers, await response.text(), examples);
  if (problems.length === 0) return { status };
  return { status, failure: { request: `${request.method} ${request.path}`, variant: request.variant, status, problems } };
}

/**
 * Sends `runs` requests drawn from the spec's request schemas (valid, and with one thing broken)
 * and checks every answer. Repeatable: the same seed sends the same requests.
 */
export async function runFuzz(baseUrl: string, options: FuzzOptions): Promise<FuzzSummary> {
  const variants: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  const failures: FuzzFailure[] = [];
  const samples = fc.sample(requestCases, { numRuns: options.runs, seed: options.seed });
  for (const request of samples) {
    variants[request.variant] = (variants[request.variant] ?? 0) + 1;
    const { status, failure } = await send(baseUrl, request, options.examples);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (failure) failures.push(failure);
  }
  return { seed: options.seed, cases: samples.length, variants, statuses, failures };
}

/** A few lines for a person: cases, statuses, and failures grouped by what went wrong. */
export function formatSummary(summary: FuzzSummary): string {
  const groups = new Map<string, { count: number; example: string }>();
  for (const failure of summary.failures) {
    for (const problem of failure.problems) {
      const key = `${failure.variant}: ${problem.replace(/\d{3}/g, "NNN")}`;
      const group = groups.get(key) ?? { count: 0, example: `${failure.request} -> ${failure.status}` };
      group.count += 1;
      groups.set(key, group);
    }
  }
  const statuses = Object.entries(summary.statuses).map(([status, count]) => `${status}: ${count}`).join(", ");
  const lines = [
    `seed ${summary.seed}: ${summary.cases} cases, ${summary.failures.length} failing`,
    `statuses: ${statuses}`,
    `variants: ${Object.entries(summary.variants).sort((a, b) => b[1] - a[1]).map(([variant, count]) => `${variant} ${count}`).join(", ")}`,
    ...[...groups].sort((a, b) => b[1].count - a[1].count).map(([key, group]) => `  ${group.count} x ${key} (e.g. ${group.example})`),
  ];
  return lines.join("\n");
}
