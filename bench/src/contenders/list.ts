/** The clients compared, in table order; `file` is the contender module under src/contenders/. */
export const CONTENDERS = [
  { name: "plain fetch", file: "plain-fetch.ts" },
  { name: "openapi-fetch", file: "openapi-fetch.ts" },
  { name: "@cdesk/client methods", file: "cdesk-methods.ts" },
  { name: "@cdesk/client raw", file: "cdesk-raw.ts" },
  { name: "@hey-api/openapi-ts", file: "hey-api.ts" },
  { name: "orval", file: "orval.ts" },
] as const;

export type ContenderName = (typeof CONTENDERS)[number]["name"];

/** Every ratio is against this one: what @cdesk/client is built on. */
export const BASELINE: ContenderName = "openapi-fetch";
