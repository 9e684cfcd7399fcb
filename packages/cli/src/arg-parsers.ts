import { InvalidArgumentError } from "commander";
import { parseDuration } from "./duration.js";
import { formatDuration } from "./format/time.js";

// Commander calls these on flag values; an InvalidArgumentError becomes
// "error: option '--count <n>' argument 'x' is invalid. <message>" and exit code 2, before any
// request is sent or any progress is shown.

/** Decimal digits only: `Number()` would also take `0x10`, `1e3` and `0b11`. */
const WHOLE = /^\s*\d+\s*$/;
const DECIMAL = /^\s*(\d+(\.\d*)?|\.\d+)\s*$/;

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!WHOLE.test(value) || n < 1) throw new InvalidArgumentError("Expected a whole number of 1 or more, e.g. 8.");
  return n;
}

export function positiveNumber(value: string): number {
  const n = Number(value);
  if (!DECIMAL.test(value) || !(n > 0)) throw new InvalidArgumentError("Expected a number above 0, e.g. 2.5.");
  return n;
}

/** The shortest `--interval`: the API documents polling every 15 s; faster only loads it. */
export const MIN_INTERVAL_MS = 1000;
/** The longest `--timeout` (far below what a timer can hold, far above any provisioning). */
export const MAX_TIMEOUT_MS = 24 * 3_600_000;

/** `--interval`: at least a second between two status checks. */
export function interval(value: string): number {
  const ms = duration(value);
  if (ms < MIN_INTERVAL_MS) {
    throw new InvalidArgumentError(`The interval must be at least ${formatDuration(MIN_INTERVAL_MS)}, e.g. 5s (the API suggests 15s).`);
  }
  return ms;
}

/** `--timeout`: from a second to a day. */
export function timeout(value: string): number {
  const ms = duration(value);
  if (ms < 1000 || ms > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError("The timeout must be from 1s to 24h, e.g. 10m.");
  }
  return ms;
}

function duration(value: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    const message = (error as Error).message;
    throw new InvalidArgumentError(`${message[0]?.toUpperCase()}${message.slice(1)}.`);
  }
}

/** `-H "Name: value"`, repeatable: collects every header given into one record. */
export function header(value: string, previous: Record<string, string> = {}): Record<string, string> {
  const colon = value.indexOf(":");
  const name = colon > 0 ? value.slice(0, colon).trim() : "";
  if (!/^[!#$%&'*+.^`|~\w-]+$/.test(name)) throw new InvalidArgumentError('Expected "Name: value", e.g. "x-team: research".');
  return { ...previous, [name]: value.slice(colon + 1).trim() };
}
