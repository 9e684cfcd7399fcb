/**
 * What the client knows about one operation of the API, all of it generated from the spec into
 * `generated/operations.ts`: adding an operation is a spec change and `pnpm generate`, nothing else.
 */
import type { paths } from "@cdesk/types";
import type { RequestTarget } from "./errors.js";
import type { ShapeRule } from "./response-shape.js";
import type { SchemaRule } from "./validate.js";

type Method = "get" | "put" | "post" | "delete" | "patch" | "head" | "options";

/** `METHOD /path/template` of every operation in `paths`: a key the spec does not have does not compile. */
export type OperationKey = {
  [P in keyof paths]: { [M in Method]: paths[P][M] extends undefined ? never : `${Uppercase<M>} ${P & string}` }[Method];
}[keyof paths];

/**
 * When a failed attempt may be sent again. `idempotent`: after any transient failure.
 * `only-if-not-sent`: only when the server cannot have acted on it (a 429, a refused connection),
 * since repeating it could do it twice.
 */
export type RetryClass = "idempotent" | "only-if-not-sent";

export interface Operation {
  retry: RetryClass;
  /** Time limit of each attempt unless the caller sets `timeoutMs`. */
  timeoutMs: number;
  /** What the 2xx body must look like; `null` when the answer has no body. */
  response: ShapeRule | null;
  /** How the request body is sent. */
  encoding?: "json" | "yaml";
  /** The array answer may also come as an object holding it under one of these keys. */
  listKeys?: readonly string[];
  /** Request-side rules, checked before anything is sent. */
  request?: { path?: SchemaRule; query?: SchemaRule; body?: SchemaRule };
}

/** `GET /offers/{offer_id}` -> `{ method: "GET", path: "/offers/{offer_id}" }`. */
export function targetOf(key: string): RequestTarget {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space), path: key.slice(space + 1) };
}
