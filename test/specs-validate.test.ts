import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createConfig, lint, type NormalizedProblem } from "@redocly/openapi-core";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

/**
 * Every hand-written spec under specs/<provider>/ must be a valid OpenAPI document by Redocly's
 * `recommended` ruleset (plus the example checks, which `recommended` leaves as warnings), and its
 * clientgen.yaml must only name operations and security schemes the spec defines.
 */

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specsDir = join(root, "specs");

const providers = existsSync(specsDir)
  ? readdirSync(specsDir)
      .filter((name) => statSync(join(specsDir, name)).isDirectory())
      .sort()
  : [];

const configPromise = createConfig({
  extends: ["recommended"],
  rules: {
    // Structure and references: anything wrong here is an error.
    struct: "error",
    "no-unresolved-refs": "error",
    "operation-operationId": "error",
    "operation-operationId-unique": "error",
    "operation-tag-defined": "error",
    "path-parameters-defined": "error",
    "security-defined": "error",
    // Examples must match their schemas: docs are rendered from them.
    "no-invalid-media-type-examples": { severity: "error", allowAdditionalProperties: false },
    "no-invalid-schema-examples": { severity: "error", allowAdditionalProperties: false },
    "no-invalid-parameter-examples": "error",
  },
});

function format(problem: NormalizedProblem): string {
  const where = problem.location
    .map((loc) => `${relative(root, loc.source.absoluteRef)}#${loc.pointer ?? ""}`)
    .join(", ");
  const suggest = problem.suggest?.length ? ` (did you mean: ${problem.suggest.join(", ")})` : "";
  return `[${problem.severity}] ${problem.ruleId}: ${problem.message}${suggest}\n    at ${where}`;
}

function operationIds(spec: Record<string, unknown>): Set<string> {
  const ids = new Set<string>();
  const paths = (spec.paths ?? {}) as Record<string, Record<string, unknown>>;
  for (const item of Object.values(paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!HTTP_METHODS.includes(method)) continue;
      const id = (op as { operationId?: unknown }).operationId;
      if (typeof id === "string") ids.add(id);
    }
  }
  return ids;
}

describe("hand-written provider specs", () => {
  it("has the four provider directories", () => {
    expect(providers).toEqual(expect.arrayContaining(["cloudflare", "konnect", "openai", "trieve"]));
  });

  for (const provider of providers) {
    describe(provider, () => {
      const specPath = join(specsDir, provider, "openapi.yaml");
      const configPath = join(specsDir, provider, "clientgen.yaml");

      it("has openapi.yaml and clientgen.yaml", () => {
        expect(existsSync(specPath), `${relative(root, specPath)} is missing`).toBe(true);
        expect(existsSync(configPath), `${relative(root, configPath)} is missing`).toBe(true);
      });

      it("lints clean with Redocly (no errors, no warnings)", async () => {
        const config = await configPromise;
        const problems = await lint({ ref: specPath, config });
        const errors = problems.filter((p) => p.severity === "error");
        const warnings = problems.filter((p) => p.severity === "warn");
        if (problems.length > 0)
          console.log(`${provider}: ${problems.length} problem(s)\n${problems.map(format).join("\n")}`);
        expect(errors.map(format), "Redocly errors").toEqual([]);
        expect(warnings.map(format), "Redocly warnings").toEqual([]);
      }, 30_000);

      it("gives every operation an operationId, one tag, a summary and a description", () => {
        const spec = parse(readFileSync(specPath, "utf8")) as Record<string, unknown>;
        const paths = spec.paths as Record<string, Record<string, Record<string, unknown>>>;
        const missing: string[] = [];
        for (const [path, item] of Object.entries(paths)) {
          for (const [method, op] of Object.entries(item)) {
            if (!HTTP_METHODS.includes(method)) continue;
            const where = `${method.toUpperCase()} ${path}`;
            if (typeof op.operationId !== "string") missing.push(`${where}: operationId`);
            if (!Array.isArray(op.tags) || op.tags.length !== 1) missing.push(`${where}: exactly one tag`);
            if (typeof op.summary !== "string") missing.push(`${where}: summary`);
            if (typeof op.description !== "string") missing.push(`${where}: description`);
          }
        }
        expect(missing).toEqual([]);
      });

      it("clientgen.yaml names only operations and schemes the spec defines", () => {
        const spec = parse(readFileSync(specPath, "utf8")) as Record<string, unknown>;
        const config = parse(readFileSync(configPath, "utf8")) as {
          credentials?: Record<string, { scheme: string }>;
          operations?: Record<string, unknown>;
        };
        const schemes = Object.keys(
          ((spec.components as Record<string, unknown> | undefined)?.securitySchemes ?? {}) as Record<string, unknown>,
        );
        const ids = operationIds(spec);
        for (const [option, cred] of Object.entries(config.credentials ?? {})) {
          expect(schemes, `credential '${option}' names scheme '${cred.scheme}'`).toContain(cred.scheme);
        }
        for (const key of Object.keys(config.operations ?? {})) {
          expect([...ids], `clientgen.yaml configures operation '${key}'`).toContain(key);
        }
        // Every operation the spec defines is configured (flat and builder names are chosen by hand).
        expect(Object.keys(config.operations ?? {}).sort()).toEqual([...ids].sort());
      });
    });
  }
});
