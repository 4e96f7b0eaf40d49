// `prepare` (npm ci in a clone, an install from git): builds dist/ with build.mjs and installs the
// runtimes the tests run generated clients on. The packed package ships dist/ already built and
// neither build.mjs, the sources it reads nor the tests, so there it does nothing.
import { existsSync } from "node:fs";

if (existsSync(new URL("build.mjs", import.meta.url))) await import("./build.mjs");
if (existsSync(new URL("../test/other-runtimes/package-lock.json", import.meta.url)))
  await import("./install-runtimes.mjs");
