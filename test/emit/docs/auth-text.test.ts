import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateFrom } from "../../helpers/generate.js";

/**
 * The README's authentication paragraph says what the runtime does with the spec's security:
 * required at the top level → checked when the client is built; required by operations only →
 * checked when such a call is made; never "optional" when a call cannot be made without one.
 */
const dir = mkdtempSync(join(tmpdir(), "clientgen-auth-text-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = (v: unknown) => JSON.stringify(v);

/** A two-operation spec with the given top-level and per-operation security (undefined: not written). */
async function generate(top: object[] | undefined, list: object[] | undefined, create: object[] | undefined) {
  const op = (id: string, method: string, security: object[] | undefined) =>
    `    ${method}:\n      operationId: ${id}\n${security ? `      security: ${json(security)}\n` : ""}      responses: { "204": { description: ok } }\n`;
  const spec = [
    "openapi: 3.1.0",
    "info: { title: Auth, version: 1.0.0 }",
    "servers: [{ url: https://auth.example.com }]",
    ...(top ? [`security: ${json(top)}`] : []),
    "components:",
    "  securitySchemes:",
    "    token: { type: http, scheme: bearer }",
    "    key: { type: apiKey, in: header, name: X-Key }",
    "paths:",
    "  /things:",
    op("listThings", "get", list) + op("createThing", "post", create),
  ].join("\n");
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, spec);
  const result = await generateFrom(file, "auth");
  expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const readme = result.files!.get("README.md")!;
  const note = readme
    .split("\n")
    .find((l) => l.startsWith("Give ") || l.startsWith("Every ") || /^\d+ of /.test(l) || l.startsWith("Credentials "));
  const docs = [...result.files!]
    .filter(([f]) => /^docs\/[^/]+\.md$/.test(f))
    .map(([, text]) => text)
    .join("\n");
  return { note: note ?? "", docs };
}

describe("README auth section", () => {
  it("top-level security required: checked when the client is built", async () => {
    const { note } = await generate([{ token: [] }], undefined, undefined);
    expect(note).toMatch(
      /^Give `token`\. The client checks when it is built: a missing credential is an error naming the option and the variable\. Options win/,
    );
    expect(note).not.toMatch(/optional/i);
  });

  it("no top-level security, every operation requires one: never 'optional'", async () => {
    const { note, docs } = await generate(undefined, [{ token: [] }], [{ key: [] }]);
    expect(note).toMatch(
      /^Every operation needs credentials: give `token`, or `key`\. The client can be built without them, but a call without them fails before anything is sent/,
    );
    expect(note).not.toMatch(/optional/i);
    expect(docs).toContain("### Authorization\n\n[token](../README.md#authentication) (`token`)\n");
  });

  it("some operations require one: says how many, and that the others work without", async () => {
    const { note, docs } = await generate(undefined, [{ token: [] }], undefined);
    expect(note).toMatch(
      /^1 of the 2 operations need credentials \(each operation's page under docs\/ says which\): give `token` for those\. The others work without them/,
    );
    expect(docs).toContain("### Authorization\n\nNone: this operation sends no credentials.\n");
  });

  it("an empty alternative makes credentials optional", async () => {
    const { note, docs } = await generate([{}, { token: [] }], undefined, undefined);
    expect(note).toMatch(
      /^Credentials are optional: no operation requires them; when given \(`token`\), they are sent/,
    );
    expect(docs).toContain(
      "[token](../README.md#authentication) (`token`); optional: the call is also made without credentials.",
    );
  });

  it("top-level required with an operation opting out: still checked at construction, and says which send none", async () => {
    const { note } = await generate([{ token: [] }, { key: [] }], undefined, []);
    expect(note).toMatch(
      /^Give `token`, or `key`\. The client checks when it is built: .*\(1 of the 2 operations then send none\.\)/,
    );
  });
});
