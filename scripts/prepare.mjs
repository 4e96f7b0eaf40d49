// `prepare` (npm ci in a clone, an install from git): builds dist/ with build.mjs. The packed package
// ships dist/ already built and neither build.mjs nor the sources it reads, so there it does nothing.
import { existsSync } from "node:fs";

if (existsSync(new URL("build.mjs", import.meta.url))) await import("./build.mjs");
