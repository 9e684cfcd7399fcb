/// <reference types="node" />
// Imported only by test/size.test.ts, to prove the bundle check catches a Node built-in.
import { readFileSync } from "node:fs";

export const read = readFileSync;
