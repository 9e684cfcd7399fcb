/** Plain-fetch helpers for the contract tests (they exercise the mock, not a client). */
export const OFFER_ID = "3f6c1a2e-9b4d-4c8e-a1f7-5d2e8b9c0a11";
export const RESOURCE_ID = "c7e9b1d3-5f2a-4e6c-8b0d-1a3c5e7f9b24";
export const AUTH = { authorization: "Bearer contract-test-token" };

/** GET (or another method) with a token; returns status and parsed JSON body. */
export async function call(baseUrl: string, path: string, init: RequestInit = {}): Promise<{ status: number; headers: Headers; body: any }> {
  const response = await fetch(`${baseUrl}${path}`, { ...init, headers: { ...AUTH, ...(init.headers as Record<string, string>) } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
