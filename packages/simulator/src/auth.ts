import { detail, type Answer } from "./answer.js";

const CHALLENGE = { "www-authenticate": "Bearer" };

/**
 * FastAPI's HTTPBearer: no header, no scheme or no credentials is 401 "Not authenticated";
 * another scheme is 401 "Invalid authentication credentials". With `token` set, only that
 * token passes. Returns the refusal, or undefined when the request may go on.
 */
export function checkBearer(authorization: string | undefined, token: string | undefined): Answer | undefined {
  const header = authorization ?? "";
  const space = header.indexOf(" ");
  const scheme = space === -1 ? header : header.slice(0, space);
  const credentials = space === -1 ? "" : header.slice(space + 1);
  if (!header || !scheme || !credentials) return detail(401, "Not authenticated", CHALLENGE);
  if (scheme.toLowerCase() !== "bearer") return detail(401, "Invalid authentication credentials", CHALLENGE);
  if (token !== undefined && credentials !== token) return detail(401, "Invalid authentication credentials", CHALLENGE);
  return undefined;
}
