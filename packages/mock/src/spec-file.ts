import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { toPrismDocument } from "./prism-spec.js";

/** The spec @cdesk/types ships: the one the user's types were generated from. */
export function defaultSpecPath(): string {
  return createRequire(import.meta.url).resolve("@cdesk/types/openapi.yaml");
}

/** Reads and parses an OpenAPI document (YAML or JSON), naming the file in any error. */
export async function readSpec(specPath: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(specPath, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the spec ${specPath}: ${(error as Error).message}`, { cause: error });
  }
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new Error(`The spec ${specPath} is not valid YAML/JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new Error(`The spec ${specPath} is not an OpenAPI document (expected an object at the top level)`);
  }
  return document as Record<string, unknown>;
}

/** A temporary file holding the document Prism runs on; `remove()` deletes it. */
export interface PrismSpecFile {
  readonly path: string;
  /** The private temporary directory holding it. */
  readonly directory: string;
  remove(): Promise<void>;
}

export async function writePrismSpec(document: Record<string, unknown>): Promise<PrismSpecFile> {
  const directory = await mkdtemp(join(tmpdir(), "cdesk-mock-"));
  const path = join(directory, "openapi.json");
  await writeFile(path, JSON.stringify(toPrismDocument(document)));
  return { path, directory, remove: () => rm(directory, { recursive: true, force: true }) };
}
