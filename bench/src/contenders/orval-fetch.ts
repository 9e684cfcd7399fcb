/**
 * The custom fetch orval's generated functions call (orval's `override.mutator`): the way orval's
 * docs add a base URL and an Authorization header to its `fetch` client.
 */
const config = { baseUrl: "", token: "" };

export function configureOrval(baseUrl: string, token: string): void {
  config.baseUrl = baseUrl;
  config.token = token;
}

export async function orvalFetch<T>(url: string, options: RequestInit): Promise<T> {
  const headers = new Headers(options.headers);
  headers.set("authorization", `Bearer ${config.token}`);
  const res = await fetch(`${config.baseUrl}${url}`, { ...options, headers });
  const body = [204, 205, 304].includes(res.status) ? null : await res.text();
  const data = body ? JSON.parse(body) : {};
  return { data, status: res.status, headers: res.headers } as T;
}
