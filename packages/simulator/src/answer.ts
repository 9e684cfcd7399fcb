import type { ValidationIssue } from "./validate.js";

/** What the simulator answers, before it becomes a Response or a Node reply. */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(value) };
}

/** FastAPI's HTTPException body. */
export function detail(status: number, message: string, headers: Record<string, string> = {}): Answer {
  return json(status, { detail: message }, headers);
}

/** FastAPI's RequestValidationError body. */
export function invalid(issues: ValidationIssue[]): Answer {
  return json(422, { detail: issues });
}
