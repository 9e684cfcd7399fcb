import { InvalidArgumentError } from "commander";
import { parseDuration } from "./duration.js";

// Commander calls these on flag values; an InvalidArgumentError becomes
// "error: option '--count <n>' argument 'x' is invalid. <message>" and exit code 2.

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("Expected a whole number of 1 or more.");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || n <= 0) {
    throw new InvalidArgumentError("Expected a number above 0, e.g. 2.5.");
  }
  return n;
}

export function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw new InvalidArgumentError(`${(error as Error).message[0]?.toUpperCase()}${(error as Error).message.slice(1)}.`);
  }
}

/** `-H "Name: value"`, repeatable: collects every header given into one record. */
export function header(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = value.indexOf(":");
  const name = colon > 0 ? value.slice(0, colon).trim() : "";
  if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) throw new InvalidArgumentError('Expected "Name: value", e.g. "x-team: research".');
  return { ...previous, [name]: value.slice(colon + 1).trim() };
}
