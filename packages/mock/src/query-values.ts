import { unparsableValue, type ValidationItem } from "./fastapi-errors.js";
import type { OperationModel } from "./spec-model.js";

/**
 * The 422 items FastAPI gives for empty query values (`?offer_id=`, `?force=`) that its types
 * cannot read. Why here: Prism takes an empty value as an absent one and answers 200. Only the
 * operation's declared query parameters are checked, from their schemas.
 */
export function emptyQueryValueErrors(operation: OperationModel, search: URLSearchParams): ValidationItem[] {
  const errors: ValidationItem[] = [];
  for (const parameter of operation.parameters) {
    if (parameter.in !== "query" || search.get(parameter.name) !== "") continue;
    const error = unparsableValue("query", parameter.name, parameter.schema, "");
    if (error) errors.push(error);
  }
  return errors;
}
