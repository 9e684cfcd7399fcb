#!/usr/bin/env node
import { run } from "./run.js";
import { processRuntime } from "./runtime.js";

// Set the code rather than calling process.exit(), so stdout is flushed even when piped.
process.exitCode = await run(process.argv, processRuntime());
