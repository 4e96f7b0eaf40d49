import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitModels } from "../../../src/emit/code/emit-models.js";
import { nameApi } from "../../../src/name/name-api.js";
import { generateIntoTemp } from "../../helpers/generate.js";
import { jsonResponse, modelOf, specWith } from "../../helpers/model.js";
import { tscErrors } from "../../helpers/tsc.js";

/** Params types read like openai-node's `ChatCompletionCreateParams`: an interface, a JSDoc block and a readable type per member. */
describe("params types are named interfaces", () => {
  const doc = specWith(
    {
      "/things": {
        get: {
          operationId: "listThings",
          parameters: [
            { name: "limit", in: "query", description: "How many to return.", schema: { type: "integer" } },
            { name: "order", in: "query", schema: { type: "string", enum: ["asc", "desc"] } },
            { name: "X-Trace", in: "header", required: true, schema: { type: "string" } },
          ],
          responses: jsonResponse({ type: "array", items: { type: "string" } }),
        },
        post: {
          operationId: "createThing",
          parameters: [{ name: "dry_run", in: "query", schema: { type: "boolean" } }],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ThingRequest" } } },
          },
          responses: jsonResponse({ $ref: "#/components/schemas/Thing" }),
        },
      },
      "/things/{id}": {
        put: {
          operationId: "replaceThing",
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "name", in: "query", schema: { type: "string" } },
          ],
          requestBody: {
            content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } },
          },
          responses: jsonResponse({ $ref: "#/components/schemas/Thing" }),
        },
        patch: {
          operationId: "tagThing",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
          requestBody: {
            content: {
              "application/json": {
                schema: { type: "object", properties: { tag: { type: "string" } }, additionalProperties: true },
              },
            },
          },
          responses: jsonResponse({ $ref: "#/components/schemas/Thing" }),
        },
      },
    },
    {
      schemas: {
        Thing: { type: "object", properties: { id: { type: "string" } } },
        ThingRequest: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", description: "Shown to people." },
            kind: { type: "string", enum: ["a", "b"] },
            parent: { $ref: "#/components/schemas/Thing" },
            note: { type: ["string", "null"] },
          },
        },
      },
    },
  );
  const models = emitModels(nameApi(modelOf(doc), "acme")).get("src/models.ts")!;
  const declaration = (name: string): string => {
    const start = models.indexOf(`export interface ${name} {`);
    return start < 0 ? "" : models.slice(start, models.indexOf("\n}\n", start) + 2);
  };

  it("query and header parameters, with their JSDoc, readable types and optionality", () => {
    const text = declaration("ListThingsParams");
    expect(text).toContain("   * How many to return.\n   */\n  limit?: number;");
    expect(text).toMatch(/order\?: NonNullable<paths\["\/things"\]\["get"\]\["parameters"\]\["query"\]>\["order"\];/);
    expect(text).toContain("   * Sent as header `X-Trace`.\n   */\n  xTrace: string;");
  });

  it("a spread body's fields, each typed as the body's schema types it, before the parameters", () => {
    const text = declaration("CreateThingParams");
    const members = [...text.matchAll(/^ {2}(\w+\??): (.+);$/gm)].map((m) => `${m[1]}: ${m[2]}`);
    expect(members).toEqual([
      "name: string",
      'kind?: ThingRequest["kind"]',
      "parent?: Thing",
      "note?: string | null",
      "dry_run?: boolean",
    ]);
    expect(text).toContain("   * Shown to people.\n   */\n  name: string;");
  });

  it("a body that clashes with a parameter is one member, `body`", () => {
    expect(declaration("ReplaceThingParams")).toMatch(
      /\n {2}body\?: NonNullable<paths\["\/things\/\{id\}"\]\["put"\]\["requestBody"\]>/,
    );
  });

  it("a body that takes other properties keeps them open", () => {
    expect(declaration("TagThingParams")).toContain("  tag?: string;");
    expect(declaration("TagThingParams")).toContain("  [field: string]: unknown;");
  });

  it("no params type is a type alias any more", () => {
    expect(models).not.toMatch(/export type \w+Params\b/);
  });

  it("the package they are in compiles with tsc --strict, calls with each shape included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "clientgen-params-"));
    const spec = join(dir, "openapi.json");
    writeFileSync(spec, JSON.stringify(doc));
    const pkg = await generateIntoTemp(spec, "acme");
    try {
      writeFileSync(
        join(pkg, "src", "calls.ts"),
        [
          'import Acme from "./index.js";',
          "const client = new Acme();",
          'export const a = client.things.list({ limit: 2, xTrace: "t" });',
          'export const b = client.things.create({ name: "n", kind: "a", note: null, dry_run: true });',
          'export const c = client.things.update("id", { name: "q", body: { name: "n" } });',
          'export const d = client.things.tagThing("id", { tag: "x", colour: "red" });',
          "// @ts-expect-error: `name` is required",
          'export const e = client.things.create({ kind: "b" });',
          "",
        ].join("\n"),
      );
      expect(await tscErrors("--noEmit", "-p", join(pkg, "tsconfig.build.json"))).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
      rmSync(pkg, { recursive: true, force: true });
    }
  }, 60_000);
});
