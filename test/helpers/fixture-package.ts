/**
 * One package generated from a fixture spec for a whole test file, with a 127.0.0.1 server to call it
 * against: made in `beforeAll`, removed in `afterAll`. `checks` is TypeScript written beside the
 * package's sources (usually with `@ts-expect-error` lines) that `typeErrors()` compiles with them
 * under the package's own `--strict` config.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { fixture, generateIntoTemp } from "./generate.js";
import { startHttpServer, type HttpServer, type ReceivedRequest, type RequestHandler } from "./http-server.js";
import { tscErrors } from "./tsc.js";

export interface FixturePackage {
  /** The package folder (package.json, src/). */
  dir: string;
  server: HttpServer;
  // The generated modules are only known at run time; `typeErrors()` checks their types.
  flat: any;
  builder: any;
  /** Client options for the test server, with no retries. */
  options(): { baseURL: string; maxRetries: number };
  /** The last request the server received. */
  last(): ReceivedRequest;
  /** tsc's errors for the package and `checks`, "" when it compiles. */
  typeErrors(): Promise<string>;
}

export function useFixturePackage(
  spec: string,
  provider: string,
  handler: RequestHandler,
  checks?: string,
): FixturePackage {
  const pkg: FixturePackage = {
    dir: "",
    server: undefined as unknown as HttpServer,
    flat: undefined,
    builder: undefined,
    options: () => ({ baseURL: pkg.server.url, maxRetries: 0 }),
    last: () => pkg.server.requests[pkg.server.requests.length - 1]!,
    typeErrors: () => tscErrors("--noEmit", "-p", pkg.dir),
  };
  beforeAll(async () => {
    pkg.dir = await generateIntoTemp(fixture("specs", spec), provider);
    if (checks) await writeFile(join(pkg.dir, "src", "checks.ts"), checks);
    pkg.server = await startHttpServer(handler);
    pkg.flat = await import(join(pkg.dir, "src", "index.ts"));
    pkg.builder = await import(join(pkg.dir, "src", "builder.ts"));
  });
  afterAll(async () => {
    await pkg.server?.close();
    if (pkg.dir) await rm(pkg.dir, { recursive: true, force: true });
  });
  return pkg;
}
