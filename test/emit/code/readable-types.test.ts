import { describe, expect, it } from "vitest";
import { emitBuilder } from "../../../src/emit/styles/builder/emit-builder.js";
import { emitFlat } from "../../../src/emit/styles/flat/emit-flat.js";
import { nameApi } from "../../../src/name/name-api.js";
import { jsonResponse, modelOf, specWith } from "../../helpers/model.js";

/** Signatures show the types a person would write, alike in both styles. */
describe("readable parameter types in flat and builder signatures", () => {
  const doc = specWith(
    {
      "/invites/{invite_id}/{kind}/{when}": {
        get: {
          operationId: "getInvite",
          tags: ["invites"],
          parameters: [
            { name: "invite_id", in: "path", required: true, schema: { $ref: "#/components/schemas/InviteId" } },
            { name: "kind", in: "path", required: true, schema: { $ref: "#/components/schemas/Kind" } },
            { name: "when", in: "path", required: true, schema: { type: "string", enum: ["now", "later"] } },
            { name: "TR-Organization", in: "header", schema: { type: "string" } },
          ],
          responses: jsonResponse({ type: "string" }),
        },
      },
    },
    { schemas: { InviteId: { type: "string", maxLength: 32 }, Kind: { type: "string", enum: ["a", "b"] } } },
  );
  const api = nameApi(
    modelOf(doc, { clientParams: { organization: { in: "header", name: "TR-Organization" } } }),
    "acme",
  );
  const flat = emitFlat(api).get("src/resources/invites.ts")!;
  const builder = emitBuilder(api).get("src/apis/invites-api.ts")!;

  it.each([
    ["a primitive behind a $ref is its primitive", "inviteId: string"],
    ["an enum behind a $ref is the schema alias", "kind: Kind"],
    [
      "an inline enum keeps the spec's exact type",
      'when: NonNullable<paths["/invites/{invite_id}/{kind}/{when}"]["get"]["parameters"]["path"]>["when"]',
    ],
  ])("%s, in both styles", (_name, expected) => {
    expect(flat).toContain(expected);
    expect(builder).toContain(expected);
  });

  it("a setter a client option fills takes the readable type", () => {
    expect(builder).toContain("readonly trOrganization: (value: string) => this;");
  });

  it("each file imports exactly what its signatures name", () => {
    for (const file of [flat, builder]) {
      expect(file).toMatch(/import type \{[^}]*\bKind\b[^}]*\} from "\.\.\/models\.js";/);
      expect(file).toContain('import type { paths } from "../types.js";');
      expect(file).not.toContain("components");
    }
  });
});
