// @ts-check
import { fileURLToPath } from "node:url";

/** The monorepo root: this file is tools/readme-blocks/src/workspace.mjs. */
export const workspaceRoot = fileURLToPath(new URL("../../../", import.meta.url));
