import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { OPENAPI_TYPESCRIPT_VERSION } from "../../src/emit/code/emit-types.js";
import { projectRoot } from "../helpers/generate.js";

/**
 * Packages whose internals clientgen reaches into (README, "Where clientgen relies on its
 * dependencies' internals"). A range would let a user's install pick a version those places were
 * never checked against, so each is pinned to one exact version, and that version is the one installed.
 */
const PINNED = ["openapi-typescript", "@redocly/openapi-core", "typescript"];

const readJson = (path: string): Record<string, unknown> => JSON.parse(readFileSync(path, "utf8"));
const manifest = readJson(join(projectRoot, "package.json")) as { dependencies: Record<string, string> };
const installed = (name: string): string =>
  (readJson(join(projectRoot, "node_modules", name, "package.json")) as { version: string }).version;

describe("dependencies whose internals clientgen uses", () => {
  it.each(PINNED)("%s is pinned to one exact version, the one installed", (name) => {
    const wanted = manifest.dependencies[name];
    expect(wanted, `${name} must be a dependency`).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed(name)).toBe(wanted);
  });

  it("the openapi-typescript pin is the version whose private context emit-types copies", () => {
    expect(manifest.dependencies["openapi-typescript"]).toBe(OPENAPI_TYPESCRIPT_VERSION);
  });

  it("the README lists each such place", () => {
    const readme = readFileSync(join(projectRoot, "docs", "architecture.md"), "utf8");
    const section = readme
      .split(/^## /m)
      .find((s) => s.startsWith("Where clientgen relies on its dependencies' internals"));
    expect(section, "docs/architecture.md section").toBeDefined();
    for (const place of [
      "struct-walk.ts",
      "struct-types.ts",
      "scan-discriminators.ts",
      "emit-types.ts",
      "code-cache.ts",
    ])
      expect(section).toContain(place);
  });
});
