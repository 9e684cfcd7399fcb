/** An OpenAPI path template (`/offers/{offer_id}/status`) that can match request paths. */
export interface RouteTemplate {
  readonly template: string;
  readonly paramNames: readonly string[];
  /** The path parameters when `pathname` (percent-decoded: see decodePath) matches, else undefined. */
  match(pathname: string): Record<string, string> | undefined;
}

/**
 * A request path as Starlette routes it: percent-decoded first, so `%2F` in a parameter is a
 * `/` and the path no longer matches its template (FastAPI answers 404). A malformed escape is
 * left as it is, as Python's `unquote` does.
 */
export function decodePath(rawPath: string): string {
  return rawPath.replace(/(?:%[0-9A-Fa-f]{2})+/g, (escapes) => {
    try {
      return decodeURIComponent(escapes);
    } catch {
      return escapes;
    }
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function compileRouteTemplate(template: string): RouteTemplate {
  const paramNames: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const param = /^\{([^}]+)\}$/.exec(part);
      if (!param) return escapeRegExp(part);
      paramNames.push(param[1] as string);
      return "([^/]+)";
    })
    .join("");
  const pattern = new RegExp(`^${source}/?$`);
  return {
    template,
    paramNames,
    match(pathname) {
      const found = pattern.exec(pathname);
      if (!found) return undefined;
      const params: Record<string, string> = {};
      paramNames.forEach((name, index) => {
        params[name] = found[index + 1] as string;
      });
      return params;
    },
  };
}
