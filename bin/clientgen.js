#!/usr/bin/env node
// `npx clientgen …`: the built generator (dist/, made by `npm run build`, which `npm ci` runs as `prepare`), in this process.
import module from "node:module";

// Node 22+ caches compiled code between runs: a no-op generate is mostly start-up.
module.enableCompileCache?.();
await import("../dist/cli.js");
