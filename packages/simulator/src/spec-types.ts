/** The subset of JSON Schema 2020-12 the spec's request schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: "string" | "integer" | "number" | "boolean" | "object" | "array" | "null";
  format?: string;
  anyOf?: readonly JsonSchema[];
  enum?: readonly unknown[];
  properties?: Readonly<Record<string, JsonSchema>>;
  required?: readonly string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  default?: unknown;
  "x-max-utf8-bytes"?: number;
  /** Client behaviour (the overlay's x-cdesk-*): the client drops a trailing line break before sending; the server checks `pattern`. */
  "x-cdesk-line"?: boolean;
}

/** One operation of the spec, as scripts/generate.mjs writes it into the route table. */
export interface OperationSpec {
  operationId: string;
  method: string;
  path: string;
  parameters: readonly { name: string; in: string; required: boolean; schema: JsonSchema }[];
  requestBody: { required: boolean; contentType: string; schema: JsonSchema } | null;
  secured: boolean;
  /** Declared response statuses: "200", "404", or a range such as "5XX". */
  statuses: readonly string[];
}
