/** Every contender's factory, by name (imports the generated clients: build only after codegen). */
import createCdeskMethods from "./cdesk-methods.js";
import createCdeskRaw from "./cdesk-raw.js";
import type { CreateContender } from "./contender.js";
import createHeyApi from "./hey-api.js";
import type { ContenderName } from "./list.js";
import createOpenapiFetch from "./openapi-fetch.js";
import createOrval from "./orval.js";
import createPlainFetch from "./plain-fetch.js";

export const CREATE_CONTENDER: Record<ContenderName, CreateContender> = {
  "plain fetch": createPlainFetch,
  "openapi-fetch": createOpenapiFetch,
  "@cdesk/client methods": createCdeskMethods,
  "@cdesk/client raw": createCdeskRaw,
  "@hey-api/openapi-ts": createHeyApi,
  orval: createOrval,
};
