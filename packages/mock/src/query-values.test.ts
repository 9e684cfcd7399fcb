import { expect, test } from "vitest";
import { emptyQueryValueErrors } from "./query-values.js";
import { compileRouteTemplate } from "./route-template.js";
import type { OperationModel, ParameterModel } from "./spec-model.js";

const operation = (...parameters: ParameterModel[]): OperationModel => ({
  method: "GET",
  route: compileRouteTemplate("/resources"),
  requestMediaTypes: [],
  exampleNames: new Map(),
  parameters,
  secured: true,
});
const query = (name: string, schema: Record<string, unknown>): ParameterModel => ({ name, in: "query", schema });
const errors = (op: OperationModel, search: string) => emptyQueryValueErrors(op, new URLSearchParams(search));

test("an empty value of a uuid, boolean or number parameter is FastAPI's parsing error", () => {
  const op = operation(
    query("offer_id", { anyOf: [{ type: "string", format: "uuid" }, { type: "null" }] }),
    query("force", { type: "boolean", default: false }),
    query("limit", { type: "integer" }),
  );
  expect(errors(op, "offer_id=&force=&limit=")).toEqual([
    {
      type: "uuid_parsing",
      loc: ["query", "offer_id"],
      msg: "Input should be a valid UUID, invalid length: expected length 32 for simple format, found 0",
      input: "",
      ctx: { error: "invalid length: expected length 32 for simple format, found 0" },
    },
    { type: "bool_parsing", loc: ["query", "force"], msg: "Input should be a valid boolean, unable to interpret input", input: "" },
    { type: "int_parsing", loc: ["query", "limit"], msg: "Input should be a valid integer, unable to parse string as an integer", input: "" },
  ]);
});

test("absent, non-empty, undeclared or plain-string parameters are left to Prism", () => {
  const op = operation(query("force", { type: "boolean" }), query("name", { type: "string" }));
  expect(errors(op, "")).toEqual([]);
  expect(errors(op, "force=maybe")).toEqual([]);
  expect(errors(op, "other=&name=")).toEqual([]);
});

test("a string with a minimum length rejects the empty value", () => {
  expect(errors(operation(query("vendor", { type: "string", minLength: 1 })), "vendor=")).toEqual([
    { type: "string_too_short", loc: ["query", "vendor"], msg: "String should have at least 1 character", input: "", ctx: { min_length: 1 } },
  ]);
});
