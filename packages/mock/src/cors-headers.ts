/**
 * The CORS headers Prism puts on every answer, for the answers the front gives itself (a
 * browser sees an answer without them as a network error). Same values as Prism's: the
 * request's Origin echoed (`*` without one), credentials allowed, every header exposed.
 */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return {
    "access-control-allow-origin": origin ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-allow-headers": "*",
    "access-control-expose-headers": "*",
  };
}
