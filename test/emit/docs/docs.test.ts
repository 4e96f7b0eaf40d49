import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { headingSlugger } from "../../../src/emit/docs/heading-slugs.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../../../src/runtime/defaults.js";
import { fixture, generateFrom, projectRoot } from "../../helpers/generate.js";
import { anchors, brokenLinks } from "../../helpers/markdown-links.js";

/** The docs of a fixture spec with models, errors, per-operation security and hostile descriptions (test/fixtures/specs/docs.yaml). */
let files: Map<string, string>;
beforeAll(async () => {
  const result = await generateFrom(fixture("specs", "docs.yaml"));
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  files = result.files!;
});

const page = (name: string) => files.get(name) ?? "";
const headings = (text: string, level: string) =>
  text
    .split("\n")
    .filter((l) => l.startsWith(`${level} `))
    .map((l) => l.slice(level.length + 1));
/** The part of a resource page about one operation: from its `## ` heading to the next. */
const section = (text: string, method: string) =>
  text.split(/\n(?=## )/).find((s) => s.startsWith(`## ${method}\n`)) ?? "";
const tableRow = (text: string, first: string) => text.split("\n").find((l) => l.startsWith(`${first} |`));

describe("docs/<resource>.md", () => {
  it("opens with the seeds' table of operations: method link, HTTP request, description", () => {
    const lines = page("docs/pets.md").split("\n");
    expect(lines.slice(0, 11)).toEqual([
      "# pets",
      "",
      "All URIs are relative to *https://pets.example.com/v2*",
      "",
      "Method | HTTP request | Description",
      "------------- | ------------- | -------------",
      "[**list**](#list) | **GET** `/pets` | List pets",
      "[**create**](#create) | **POST** `/pets` | Create a pet",
      "[**update**](#update) | **PUT** `/pets/{pet_id}` | Replace a pet",
      "[**delete**](#delete) | **DELETE** `/pets/{pet_id}` | Delete a pet",
      "",
    ]);
  });

  it("gives every operation its sections in the seeds' order", () => {
    const doc = page("docs/pets.md");
    expect(headings(doc, "##")).toEqual(["list", "create", "update", "delete"]);
    expect(headings(section(doc, "list"), "###")).toEqual([
      "Example",
      "Parameters",
      "Return type",
      "Errors",
      "Authorization",
      "HTTP request headers",
    ]);
    expect(headings(section(doc, "delete"), "###")).toEqual([
      "Example",
      "Parameters",
      "Return type",
      "Errors",
      "Authorization",
      "HTTP request headers",
    ]);
  });

  it("shows an example per style, each a whole program importing the package by name", () => {
    const list = section(page("docs/pets.md"), "list");
    expect(list).toContain(
      '**Flat methods**\n\n```ts\nimport PetStore from "fixture-client";\n\nconst client = new PetStore({ token: process.env.FIXTURE_TOKEN });\nconst result = await client.pets.list();',
    );
    expect(list).toContain('**Builders**\n\n```ts\nimport { PetsApi } from "fixture-client/builder";');
    // The credential each operation's own security asks for, not the first the spec declares.
    expect(section(page("docs/pets.md"), "delete")).toContain(
      'new PetStore({ key: process.env.FIXTURE_KEY });\nawait client.pets.delete("pet_id");',
    );
  });

  it("builds examples that fit the types: structured parameters get a value, a spec example that does not fit is replaced", () => {
    expect(section(page("docs/pets.search.md"), "list")).toContain(
      'await client.pets.search.list({ filter: { kind: "cat" } });',
    );
    // The spec's example `{ label: 7 }` is not a Tag (label is a string): one is built from the schema.
    expect(section(page("docs/pets.md"), "update")).toContain(
      'await client.pets.update("pet_id", { label: "string" });',
    );
  });

  it("lists parameters with type, description and notes (optional, default, enum, where sent)", () => {
    const list = section(page("docs/pets.md"), "list");
    expect(tableRow(list, "`status`")).toBe(
      '`status` | `string` | Filter \\| by status | [optional] [default to `"available"`] one of `"available"`, `"sold"` query `status`',
    );
    expect(tableRow(list, "`xTrace`")).toBe("`xTrace` | `string` |  | [optional] header `X-Trace`");
    expect(tableRow(section(page("docs/pets.md"), "delete"), "`petId`")).toBe("`petId` | `string` |  | path");
    expect(tableRow(section(page("docs/pets.md"), "create"), "`pet`")).toBe(
      "`pet` | [Pet](models/Pet.md) | The pet to add. | request body (`application/json`); flat methods: its fields go in the params object",
    );
  });

  it("links the return type to its model page, and says void when there is no body", () => {
    expect(section(page("docs/pets.md"), "list")).toContain(
      "### Return type\n\n[Pet](models/Pet.md)[], typed as `ListPetsResponse`.\n\nThe pets.",
    );
    expect(section(page("docs/pets.md"), "create")).toContain(
      "### Return type\n\n[Pet](models/Pet.md), typed as `CreatePetResponse`.",
    );
    expect(section(page("docs/pets.md"), "delete")).toContain("### Return type\n\n**void** (no response body)");
  });

  it("lists errors with the class the runtime throws, status, content type (body model linked) and description", () => {
    const doc = page("docs/pets.md");
    expect(tableRow(section(doc, "list"), "`APIError`")).toBe(
      "`APIError` | `4XX` | `application/json` ([Problem](models/Problem.md)) | Refused.",
    );
    expect(tableRow(section(doc, "create"), "`ConflictError`")).toBe(
      "`ConflictError` | `409` | `application/problem+json` ([Problem](models/Problem.md)) | Already there.",
    );
    expect(tableRow(section(doc, "delete"), "`NotFoundError`")).toBe(
      "`NotFoundError` | `404` | `application/json` ([Problem](models/Problem.md)) | No such pet.",
    );
    expect(tableRow(section(doc, "delete"), "`InternalServerError`")).toBe(
      "`InternalServerError` | `503` | none | Down.",
    );
  });

  it("links authorization to the README's section and names the client options", () => {
    const doc = page("docs/pets.md");
    expect(section(doc, "list")).toContain(
      "### Authorization\n\n[token](../README.md#authentication) (`token`), or [key](../README.md#authentication) (`key`)\n",
    );
    expect(section(doc, "create")).toContain("### Authorization\n\n[token](../README.md#authentication) (`token`)\n");
  });

  it("gives the HTTP request headers", () => {
    const doc = page("docs/pets.md");
    expect(section(doc, "list")).toContain("- **Content-Type**: Not defined\n- **Accept**: `application/json`\n");
    expect(section(doc, "create")).toContain(
      "- **Content-Type**: `application/json`\n- **Accept**: `application/json`, `application/problem+json`\n",
    );
  });
});

describe("the runtime's defaults in the docs", () => {
  it("are the runtime's own numbers, in the README and the command-line page", () => {
    expect(tableRow(page("README.md"), "| `timeout`")).toBe(
      `| \`timeout\` | \`${DEFAULT_TIMEOUT_MS}\` | Milliseconds per attempt before \`APIConnectionTimeoutError\`. |`,
    );
    expect(tableRow(page("README.md"), "| `maxRetries`")).toContain(`| \`${DEFAULT_MAX_RETRIES}\` |`);
    expect(page("README.md")).toContain(`retried, ${DEFAULT_MAX_RETRIES} times by default,`);
    expect(page("docs/CLI.md")).toContain(`(default ${DEFAULT_TIMEOUT_MS})`);
    expect(page("docs/CLI.md")).toContain(`(default ${DEFAULT_MAX_RETRIES})`);
  });
});

describe("docs/models/<Model>.md", () => {
  it("has a page for every component schema, linked from the README", () => {
    const models = [...files.keys()].filter((f) => f.startsWith("docs/models/")).sort();
    expect(models).toEqual(["Base", "Pet", "PetOrTag", "Problem", "Status", "Tag"].map((m) => `docs/models/${m}.md`));
    for (const m of models) expect(page("README.md")).toContain(`](${m})`);
    expect(page("README.md")).toContain("- [pets](docs/pets.md)\n- [pets.search](docs/pets.search.md)\n");
  });

  it("lists properties, own and inherited through allOf, with linked types and notes", () => {
    const pet = page("docs/models/Pet.md");
    expect(pet.split("\n").slice(0, 1)).toEqual(["# Pet"]);
    expect(pet).toContain('```ts\nimport type { Pet } from "fixture-client/models";\n```');
    const rows = ["id", "created", "name", "status", "kind", "nickname", "tags", "attributes", "secret"].map((p) =>
      tableRow(pet, `\`${p}\``),
    );
    expect(rows).toEqual([
      "`id` | `string` | Assigned by the store. | [read-only]",
      "`created` | `string` (date-time) |  | [optional]",
      "`name` | `string` |  | ",
      '`status` | [Status](Status.md) |  | [optional] one of `"available"`, `"sold"`',
      '`kind` | `string` |  | [optional] [default to `"cat"`] one of `"cat"`, `"dog"`',
      "`nickname` | `string` \\| `null` |  | [optional]",
      "`tags` | [Tag](Tag.md)[] |  | [optional]",
      "`attributes` | { [key: string]: `string` } |  | [optional]",
      "`secret` | `string` |  | [optional] [write-only] [deprecated]",
    ]);
  });

  it("describes schemas that are not objects: enums and unions", () => {
    expect(page("docs/models/Status.md")).toContain(
      'Where a pet stands.\n\n```ts\nimport type { Status } from "fixture-client/models";\n```\n\nType: `string`\n\nOne of: `"available"`, `"sold"`\n',
    );
    expect(page("docs/models/PetOrTag.md")).toContain("Type: [Pet](Pet.md) \\| [Tag](Tag.md)\n");
    expect(page("docs/models/Problem.md")).toContain('## Example\n\n```json\n{\n  "message": "not found"\n}\n```');
  });
});

describe("spec text in the docs", () => {
  it("renders HTML as Markdown: links, bold, code", () => {
    expect(page("README.md")).toContain("A store of pets. See [the guide](https://pets.example.com/guide).");
    expect(section(page("docs/pets.md"), "list")).toContain(
      "Lists pets. **Bold** and [paging](https://pets.example.com/paging).",
    );
    expect(tableRow(page("docs/models/Tag.md"), "`label`")).toBe(
      "`label` | `string` | A `Tag`'s text \\| shown as is | [optional]",
    );
  });

  it("lets no script, event handler, javascript: URL or heading through", () => {
    for (const [file, text] of files) {
      if (!file.endsWith(".md")) continue;
      expect(text, file).not.toMatch(/<script|\bon(error|click|load)\s*=|javascript:|&lt;a href|alert\(/i);
      expect(headings(text, "##"), file).not.toContain("Not a heading");
    }
    expect(page("docs/models/Pet.md")).toContain("A pet.  bad link");
  });
});

describe("links between pages", () => {
  it("every relative link of the fixture's docs leads to a page and a heading", () => {
    expect(brokenLinks(files)).toEqual([]);
  });

  it.each(
    readdirSync(join(projectRoot, "generated")).filter((p) =>
      existsSync(join(projectRoot, "generated", p, "README.md")),
    ),
  )("every relative link of generated/%s leads to a page and a heading", (provider) => {
    const dir = join(projectRoot, "generated", provider);
    const docs = (readdirSync(join(dir, "docs"), { recursive: true }) as string[]).filter((f) => f.endsWith(".md"));
    const set = new Map(
      ["README.md", ...docs.map((f) => join("docs", f))].map((f) => [f, readFileSync(join(dir, f), "utf8")]),
    );
    expect(set.size).toBeGreaterThan(2);
    expect(brokenLinks(set)).toEqual([]);
  });

  it("finds a broken link or anchor (the checker itself)", () => {
    const set = new Map([
      ["README.md", "# T\n\n## Usage\n\n[a](docs/a.md#list) [b](docs/b.md) [c](#usage) [d](#nope)"],
      ["docs/a.md", "# a\n\n## other\n"],
    ]);
    expect(brokenLinks(set)).toEqual([
      "README.md: docs/a.md#list (no heading makes #list)",
      "README.md: docs/b.md (no file docs/b.md)",
      "README.md: #nope (no heading makes #nope)",
    ]);
    expect([...anchors("# A b\n## Return type\n## Return type\n```\n# not\n```")]).toEqual([
      "a-b",
      "return-type",
      "return-type-1",
    ]);
  });

  it("anchors follow GitHub's rules: lower case, punctuation dropped, repeats numbered", () => {
    const slug = headingSlugger();
    expect(
      ["list", "Return type", "Errors", "errors", "errors-1", "HTTP request headers", "user.invites", "Größe ü"].map(
        slug,
      ),
    ).toEqual([
      "list",
      "return-type",
      "errors",
      "errors-1",
      "errors-1-1",
      "http-request-headers",
      "userinvites",
      "größe-ü",
    ]);
  });
});
