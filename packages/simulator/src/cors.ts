import type { Answer } from "./answer.js";

const EXPOSED = "x-request-id, retry-after, www-authenticate";
const METHODS = "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT";

/** The headers every answer carries, errors included, so a browser can read them cross-origin. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
  return origin
    ? { "access-control-allow-origin": origin, "access-control-expose-headers": EXPOSED, vary: "Origin" }
    : { "access-control-allow-origin": "*", "access-control-expose-headers": EXPOSED };
}

/** Whether a request is a CORS preflight (OPTIONS with Origin and Access-Control-Request-Method). */
export function isPreflight(method: string, headers: Record<string, string>): boolean {
  return method === "OPTIONS" && headers.origin !== undefined && headers["access-control-request-method"] !== undefined;
}

/** Starlette's CORSMiddleware answer to a preflight with allow_headers=["*"]: the requested headers, echoed. */
export function preflight(headers: Record<string, string>): Answer {
  const requested = headers["access-control-request-headers"];
  return {
    status: 200,
    headers: {
      "content-type": "text/plain; charset=utf-8",
      "access-control-allow-methods": METHODS,
      "access-control-max-age": "600",
      ...(requested ? { "access-control-allow-headers": requested } : {}),
    },
    body: "OK",
  };
}
