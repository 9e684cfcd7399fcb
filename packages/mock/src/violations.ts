/** One spec violation Prism found in a request or a response. */
export interface Violation {
  /** Request method, e.g. `GET`. */
  readonly method: string;
  /** Request path with its query, e.g. `/offers/3f6c.../status`. */
  readonly path: string;
  /** Status the caller received (500 when Prism replaced a violating response). */
  readonly status: number;
  /** Where: `["response", "body", "offers", "0", "gpu_count"]`, `["request", "header", "authorization"]`... */
  readonly location: readonly string[];
  /** The rule's code: `required`, `type`, `enum`... (`401`, `415` for security and media type). */
  readonly code: string;
  /** `Error`, `Warning`, `Information` or `Hint`, as Prism grades it. */
  readonly severity: string;
  /** What rule was broken, in Prism's (AJV's) words. */
  readonly message: string;
}

interface PrismViolation {
  location?: unknown;
  code?: unknown;
  severity?: unknown;
  message?: unknown;
}

/**
 * Reads Prism's `sl-violations` response header (a JSON array). Prism truncates a long list
 * and prefixes it with "Too many violations!": what cannot be parsed is reported as one
 * violation carrying the raw text, never dropped.
 */
export function parseViolationsHeader(
  header: string | undefined,
  request: { method: string; path: string; status: number },
): Violation[] {
  if (!header) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    parsed = undefined;
  }
  if (!Array.isArray(parsed)) return [{ ...request, location: [], code: "unreadable", severity: "Error", message: header }];
  const violations = parsed.map((item: PrismViolation) => ({
    ...request,
    location: Array.isArray(item.location) ? item.location.map(String) : [],
    code: item.code === undefined ? "" : String(item.code),
    severity: typeof item.severity === "string" ? item.severity : "Error",
    message: typeof item.message === "string" ? item.message : JSON.stringify(item),
  }));
  // Prism repeats an anyOf failure once per branch: report each finding once.
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = JSON.stringify([violation.location, violation.code, violation.message]);
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/** One readable line: `GET /resources/x -> 500: response.body.status must be equal to one of the allowed values`. */
export function formatViolation(violation: Violation): string {
  const where = violation.location.length > 0 ? `${violation.location.join(".")} ` : "";
  const severity = violation.severity === "Error" ? "" : `[${violation.severity}] `;
  return `${violation.method} ${violation.path} -> ${violation.status}: ${severity}${where}${violation.message}`;
}
