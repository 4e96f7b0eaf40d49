import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic, type Diagnostic } from "../../src/diagnostics.js";
import { fixture, generateFrom, projectRoot } from "../helpers/generate.js";

/**
 * test/fixtures/bad/<case>/: one broken input per folder (openapi.yaml or .json, and clientgen.yaml for
 * the config cases), each with the one diagnostic it must give: `file:line:col`, rule and exact message.
 * `errors` is how many errors the case gives in all when a broken part also breaks a cross-check
 * (a parameter without a name leaves `{id}` undeclared). Every case runs in-process through the whole
 * pipeline; one spawn of the real CLI runs all of them at once beside a valid provider.
 */
interface BadCase {
  name: string;
  at: string;
  rule: string;
  message: string | RegExp;
  errors?: number;
}

const cases: BadCase[] = [
  {
    name: "apikey-in-unknown",
    at: "openapi.yaml:27:7",
    rule: "spec-value",
    message: "'in' is the string \"body\"; OpenAPI allows only query, header, cookie",
  },
  {
    name: "binary",
    at: "openapi.yaml:1:1",
    rule: "file-binary",
    message: "test/fixtures/bad/binary/openapi.yaml is not a text file (it holds bytes that are not UTF-8 text)",
  },
  {
    name: "config-name-not-identifier",
    at: "clientgen.yaml:1:1",
    rule: "config-invalid",
    message: 'name: expected an identifier, got string "My Pets"',
  },
  {
    name: "config-operation-unknown",
    at: "clientgen.yaml:2:3",
    rule: "config-mismatch",
    message: "operation 'getPets' is not in test/fixtures/bad/config-operation-unknown/openapi.yaml",
  },
  {
    name: "config-param-in-unknown",
    at: "clientgen.yaml:3:5",
    rule: "config-invalid",
    message: 'clientParams.region.in: expected one of header, query, path, got string "body"',
  },
  {
    name: "config-scheme-unknown",
    at: "clientgen.yaml:3:5",
    rule: "config-mismatch",
    message:
      "credential 'apiKey' names scheme 'apiKey', which neither test/fixtures/bad/config-scheme-unknown/openapi.yaml nor clientgen.yaml's securitySchemes define",
  },
  { name: "config-unknown-key", at: "clientgen.yaml:2:1", rule: "config-invalid", message: "unknown key 'credential'" },
  {
    name: "config-webhooks-signature",
    at: "clientgen.yaml:2:3",
    rule: "config-invalid",
    message: 'webhooks.signature: expected standard-webhooks, the only value supported, got string "stripe"',
  },
  {
    name: "config-yaml-syntax",
    at: "clientgen.yaml:3:3",
    rule: "yaml-syntax",
    message: "not valid YAML: Implicit keys need to be on a single line",
  },
  {
    name: "content-not-map",
    at: "openapi.yaml:18:11",
    rule: "spec-type",
    message: "'content' must be a mapping (OpenAPI media types map), not the string \"application/json\"",
  },
  {
    name: "discriminator-no-property",
    at: "openapi.yaml:26:7",
    rule: "spec-required",
    message: "'discriminator' has no 'propertyName', which OpenAPI requires here",
  },
  {
    name: "duplicate-keys",
    at: "openapi.yaml:9:7",
    rule: "yaml-syntax",
    message: "not valid YAML: Map keys must be unique",
  },
  {
    name: "empty-file",
    at: "openapi.yaml:1:1",
    rule: "not-openapi",
    message: "test/fixtures/bad/empty-file/openapi.yaml is not an OpenAPI document: its top level must be a mapping",
  },
  {
    name: "enum-not-list",
    at: "openapi.yaml:29:11",
    rule: "spec-type",
    message: "'enum' must be a list, not the string \"available, sold\"",
  },
  {
    name: "folder",
    at: "openapi.yaml:1:1",
    rule: "file-unreadable",
    message: "test/fixtures/bad/folder/openapi.yaml is a folder, not a file",
  },
  {
    name: "headers-list",
    at: "openapi.yaml:18:11",
    rule: "spec-type",
    message: "'headers' must be a mapping (OpenAPI headers map), not a list",
  },
  {
    name: "info-version-number",
    at: "openapi.yaml:4:3",
    rule: "info-required",
    message: "info.version must be text, not number 1",
  },
  {
    name: "items-string",
    at: "openapi.yaml:29:11",
    rule: "spec-type",
    message: "'items' must be a mapping (OpenAPI schema), not the string \"string\"",
  },
  {
    name: "json-trailing-comma",
    at: "openapi.json:5:1",
    rule: "json-syntax",
    message: /^not valid JSON: Expected double-quoted property name/,
  },
  {
    name: "media-schema-string",
    at: "openapi.yaml:20:15",
    rule: "spec-type",
    message: "'schema' must be a mapping (OpenAPI schema), not the string \"Pet\"",
  },
  { name: "no-info", at: "openapi.yaml:1:1", rule: "info-required", message: "the document has no 'info' section" },
  {
    name: "nullable-string",
    at: "openapi.yaml:29:11",
    rule: "spec-type",
    message: "'nullable' must be true or false, not the string \"yes\"",
  },
  {
    name: "oauth-flow-no-scopes",
    at: "openapi.yaml:27:9",
    rule: "spec-required",
    message: "'clientCredentials' has no 'scopes', which OpenAPI requires here",
  },
  {
    name: "openapi-3-2",
    at: "openapi.yaml:1:1",
    rule: "openapi-version",
    message: 'unsupported document: openapi: "3.2.0"; clientgen reads OpenAPI 3.0 and 3.1',
  },
  {
    name: "openapi-number",
    at: "openapi.yaml:1:1",
    rule: "openapi-version",
    message: "unsupported document: openapi: 3; clientgen reads OpenAPI 3.0 and 3.1",
  },
  {
    name: "operation-not-map",
    at: "openapi.yaml:7:5",
    rule: "paths-shape",
    message: "GET /pets/{id} must be a mapping",
  },
  {
    name: "operation-id-percent",
    at: "openapi.yaml:8:7",
    rule: "percent-escape",
    message: "operationId 'get%Pet' has a '%' that does not start a %XX escape",
  },
  {
    name: "param-in-unknown",
    at: "openapi.yaml:11:11",
    rule: "spec-value",
    message: "'in' is the string \"body\"; OpenAPI allows only query, header, path, cookie",
    errors: 2,
  },
  {
    name: "param-style-unknown",
    at: "openapi.yaml:13:11",
    rule: "spec-value",
    message:
      "'style' is the string \"csv\"; OpenAPI allows only form, simple, label, matrix, spaceDelimited, pipeDelimited, deepObject",
  },
  {
    name: "parameter-no-name",
    at: "openapi.yaml:10:11",
    rule: "spec-required",
    message: "parameters[0] has no 'name', which OpenAPI requires here",
    errors: 2,
  },
  {
    name: "parameter-string",
    at: "openapi.yaml:10:11",
    rule: "spec-type",
    message: 'parameters[0] must be a mapping (OpenAPI parameter), not the string "id"',
    errors: 2,
  },
  {
    name: "parameter-swagger-type",
    at: "openapi.yaml:10:11",
    rule: "spec-required",
    message: "parameters[0] needs one of: schema, content",
  },
  {
    name: "parameters-map",
    at: "openapi.yaml:9:7",
    rule: "spec-type",
    message: "'parameters' must be a list (OpenAPI parameter list), not a mapping",
    errors: 2,
  },
  {
    name: "path-param-missing",
    at: "openapi.yaml:7:5",
    rule: "path-param-unused",
    message: "GET /pets/{id} declares path parameter 'pet_id' that the path does not contain",
    errors: 2,
  },
  {
    name: "properties-list",
    at: "openapi.yaml:26:7",
    rule: "spec-type",
    message: "'properties' must be a mapping (OpenAPI schema properties), not a list",
  },
  {
    name: "ref-cycle-allof",
    at: "openapi.yaml:24:5",
    rule: "ref-cycle",
    message: "schema 'Pet' contains itself with no object in between (Pet → Pet): no TypeScript type can hold it",
  },
  {
    name: "ref-cycle-array",
    at: "openapi.yaml:24:5",
    rule: "ref-cycle",
    message: "schema 'Pet' contains itself with no object in between (Pet → Pet): no TypeScript type can hold it",
  },
  {
    name: "ref-cycle-pair",
    at: "openapi.yaml:24:5",
    rule: "ref-cycle",
    message:
      "schema 'Pet' contains itself with no object in between (Pet → Animal → Pet): no TypeScript type can hold it",
  },
  {
    name: "ref-cycle-parameter",
    at: "openapi.yaml:21:7",
    rule: "ref-cycle",
    message:
      "$ref '#/components/parameters/Id' only refers on, in a circle: #/components/parameters/Id → #/components/parameters/PetId → #/components/parameters/Id",
    errors: 2,
  },
  {
    name: "ref-cycle-self",
    at: "openapi.yaml:24:5",
    rule: "ref-cycle",
    message: "schema 'Pet' contains itself with no object in between (Pet → Pet): no TypeScript type can hold it",
  },
  {
    name: "ref-missing-file",
    at: "pet.yaml:1:1",
    rule: "file-unreadable",
    message:
      "test/fixtures/bad/ref-missing-file/pet.yaml does not exist (referenced from test/fixtures/bad/ref-missing-file/openapi.yaml:20:15)",
  },
  {
    name: "ref-percent",
    at: "openapi.yaml:21:17",
    rule: "ref-unresolved",
    message: "$ref '#/components/schemas/P%ZZet' has a '%' that does not start a %XX escape",
  },
  {
    name: "ref-through-itself",
    at: "openapi.yaml:15:17",
    rule: "ref-unresolved",
    message:
      "$ref '#/components/schemas/Pet' leads through itself: on its way to the target it meets a $ref that leads back to it",
    errors: 2,
  },
  {
    name: "ref-unresolved",
    at: "openapi.yaml:21:17",
    rule: "ref-unresolved",
    message: "$ref '#/components/schemas/pet' points at nothing",
  },
  {
    name: "request-body-no-content",
    at: "openapi.yaml:15:7",
    rule: "spec-required",
    message: "'requestBody' has no 'content', which OpenAPI requires here",
  },
  {
    name: "responses-list",
    at: "openapi.yaml:15:7",
    rule: "spec-type",
    message: "'responses' must be a mapping (OpenAPI responses), not a list",
  },
  {
    name: "schema-required-bool",
    at: "openapi.yaml:29:11",
    rule: "spec-type",
    message: "'required' must be a list, not boolean true",
  },
  {
    name: "schema-type-int",
    at: "openapi.yaml:28:11",
    rule: "spec-value",
    message: "'type' is the string \"int\"; OpenAPI allows only object, array, string, number, integer, boolean",
  },
  {
    name: "schema-type-misspelt",
    at: "openapi.yaml:28:11",
    rule: "spec-value",
    message: "'type' is the string \"strng\"; OpenAPI allows only object, array, string, number, integer, boolean",
  },
  {
    name: "security-type-unknown",
    at: "openapi.yaml:25:7",
    rule: "spec-value",
    message: "'type' is the string \"bearer\"; OpenAPI allows only apiKey, http, oauth2, openIdConnect",
  },
  {
    name: "server-no-url",
    at: "openapi.yaml:6:5",
    rule: "spec-required",
    message: "servers[0] has no 'url', which OpenAPI requires here",
  },
  {
    name: "servers-not-list",
    at: "openapi.yaml:5:1",
    rule: "spec-type",
    message: "'servers' must be a list (OpenAPI server list), not the string \"https://api.example.com\"",
  },
  {
    name: "swagger-1",
    at: "openapi.yaml:1:1",
    rule: "openapi-version",
    message: "this is a Swagger 1.2 document; clientgen reads OpenAPI 3.0 and 3.1, and converts Swagger 2.0",
  },
  {
    name: "swagger-unquoted",
    at: "openapi.yaml:1:1",
    rule: "openapi-version",
    message: "'swagger: 2.0' is read as the number 2; the version must be the string \"2.0\"",
  },
  // Found after the in-memory conversion, shown on the Swagger 2.0 file's own line (the body parameter's $ref).
  {
    name: "swagger2-after-conversion",
    at: "openapi.yaml:17:13",
    rule: "ref-unresolved",
    message: "$ref '#/components/schemas/Pett' points at nothing",
    errors: 3,
  },
  {
    name: "swagger2-param-in-unknown",
    at: "openapi.yaml:11:11",
    rule: "spec-value",
    message: "'in' is the string \"querystring\"; OpenAPI allows only query, header, path, formData, body",
  },
  {
    name: "tabs",
    at: "openapi.yaml:8:1",
    rule: "yaml-syntax",
    message: "not valid YAML: Tabs are not allowed as indentation",
    errors: 4,
  },
  {
    name: "top-level-list",
    at: "openapi.yaml:1:1",
    rule: "not-openapi",
    message:
      "test/fixtures/bad/top-level-list/openapi.yaml is not an OpenAPI document: its top level must be a mapping",
  },
  {
    name: "yaml-unclosed-quote",
    at: "openapi.yaml:3:15",
    rule: "yaml-syntax",
    message: 'not valid YAML: Missing closing "quote',
  },
];

const bad = fixture("bad");
const STACK = /\n\s+at .+:\d+:\d+\)?(\n|$)/;
const located = (d: Diagnostic): string => `${d.location?.file}:${d.location?.line}:${d.location?.column}`;

describe("test/fixtures/bad", () => {
  it("has at least 40 cases, and an expectation for every folder", () => {
    const folders = readdirSync(bad)
      .filter((f) => statSync(join(bad, f)).isDirectory())
      .sort();
    expect(folders.length).toBeGreaterThanOrEqual(40);
    expect(cases.map((c) => c.name).sort()).toEqual(folders);
  });

  it.each(cases)("$name → $at $rule", async (c) => {
    const spec = readdirSync(join(bad, c.name)).find((f) => f.startsWith("openapi."))!;
    const result = await generateFrom(join(bad, c.name, spec), c.name);
    expect(result.files).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors).toHaveLength(c.errors ?? 1);
    const d = errors.find((e) => e.rule === c.rule && located(e) === `test/fixtures/bad/${c.name}/${c.at}`);
    expect(d, errors.map((e) => formatDiagnostic(e, { color: false })).join("\n")).toBeDefined();
    if (typeof c.message === "string") expect(d!.message).toBe(c.message);
    else expect(d!.message).toMatch(c.message);
    for (const e of errors) {
      expect(e.location, e.message).toBeDefined();
      expect(e.hint, e.message).toBeTruthy();
      expect(formatDiagnostic(e, { color: false })).not.toMatch(STACK);
      // A frame needs text to show: every case but the unreadable ones has one.
      if (!["file-binary", "file-unreadable"].includes(e.rule)) expect(e.frame, e.message).toContain(">");
    }
  });
});

describe("the real CLI on every bad case at once", () => {
  const exec = promisify(execFile);
  const tsx = join(projectRoot, "node_modules", "tsx", "dist", "cli.mjs");
  const cli = join(projectRoot, "src", "cli.ts");
  const work = mkdtempSync(join(tmpdir(), "clientgen-bad-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const clientgen = async (args: string[]) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, [tsx, cli, "generate", ...args], {
        cwd: work,
        env: { ...process.env, NO_COLOR: "1" },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      return err as { code: number; stdout: string; stderr: string };
    }
  };

  /** Every file under `dir` with the hash of its bytes. */
  const tree = (dir: string): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = join(d, e.name);
        if (e.isDirectory()) walk(p);
        else out[relative(dir, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
      }
    };
    walk(dir);
    return out;
  };

  it("exits 1, prints each case's located diagnostic with a hint and no stack, and writes nothing", async () => {
    // Paths in messages are relative to the working folder, as in the table: copy the fixtures to the same place.
    const specs = join(work, "test", "fixtures", "bad");
    cpSync(bad, specs, { recursive: true });
    cpSync(fixture("specs", "minimal.yaml"), join(specs, "zz-valid", "openapi.yaml"));
    expect((await clientgen(["zz-valid", "--specs", "test/fixtures/bad", "--out-dir", "out"])).code).toBe(0);
    mkdirSync(join(work, "out", "param-in-unknown"), { recursive: true });
    writeFileSync(join(work, "out", "param-in-unknown", "previous.txt"), "output of an earlier run\n");
    const before = tree(join(work, "out"));

    const result = await clientgen(["--specs", "test/fixtures/bad", "--out-dir", "out"]);
    expect(result.code).toBe(1);
    for (const c of cases) {
      const line = typeof c.message === "string" ? c.message : "";
      expect(result.stderr, c.name).toContain(`test/fixtures/bad/${c.name}/${c.at} error[${c.rule}] ${line}`);
    }
    expect(result.stderr.match(/^ {2}hint: /gm)?.length).toBeGreaterThanOrEqual(cases.length);
    expect(result.stderr).not.toMatch(STACK);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.stderr).toMatch(/nothing written/);
    expect(tree(join(work, "out"))).toEqual(before);
  }, 60_000);
});
