import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import type * as OpenapiTypescript from "openapi-typescript";
import type { OpenAPI3 } from "openapi-typescript";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { scanDiscriminators } from "../../../src/emit/code/scan-discriminators.js";
import { fixture } from "../../helpers/generate.js";

/**
 * scan-discriminators.ts stands in for openapi-typescript's own scanDiscriminators. Both run on
 * copies of the same document; the results and the documents they leave (the enum properties they
 * patch in) must be equal, or throw the same error.
 */
const theirs = (createRequire(import.meta.url)("openapi-typescript/dist/lib/utils.cjs") as typeof OpenapiTypescript)
  .scanDiscriminators;

function outcome(scan: () => unknown): unknown {
  try {
    return { result: scan() };
  } catch (err) {
    return { threw: String(err) };
  }
}

function expectSameAsOpenapiTypescript(doc: unknown): void {
  const mine = structuredClone(doc) as OpenAPI3;
  const reference = structuredClone(doc) as OpenAPI3;
  expect(outcome(() => scanDiscriminators(mine))).toEqual(outcome(() => theirs(reference, { silent: true })));
  expect(mine).toEqual(reference);
}

describe("scanDiscriminators", () => {
  it.each([
    ["types", "discriminators.yaml"],
    ["corpus", "invalid", "discriminator-mapping.yaml"],
    ["bad", "discriminator-no-property", "openapi.yaml"],
    ["specs", "minimal.yaml"],
  ])("finds and patches what openapi-typescript's does: %s/%s", (...parts) => {
    const doc = parse(readFileSync(fixture(...parts), "utf8"));
    expectSameAsOpenapiTypescript(doc);
  });

  it("patches the fixture's mapped, inferred and inherited schemas", () => {
    const doc = parse(readFileSync(fixture("types", "discriminators.yaml"), "utf8")) as OpenAPI3;
    const { objects, refsHandled } = scanDiscriminators(doc);
    expect(Object.keys(objects)).toContain("#/components/schemas/Car");
    expect(refsHandled).toEqual(
      expect.arrayContaining(["#/components/schemas/Cat", "#/components/schemas/Lizard", "#/components/schemas/Car"]),
    );
    expect(doc.components!.schemas!.Lizard).toMatchObject({
      required: ["petType"],
      properties: { petType: { enum: ["Lizard"] } },
    });
  });

  it("matches openapi-typescript's on generated documents", () => {
    fc.assert(
      fc.property(documents, (doc) => expectSameAsOpenapiTypescript(doc)),
      { numRuns: 400 },
    );
  });
});

// Documents dense in what the scan looks at: oneOf and allOf lists of $refs (resolvable, chained,
// missing, odd), discriminators with and without mappings, schemas with and without properties,
// and the same shapes inline under paths and inside arrays.
const names = ["A", "B", "C", "D", "E"];
const ref = fc.oneof(
  fc.constantFrom(...names).map((n) => `#/components/schemas/${n}`),
  fc.constantFrom("#/components/schemas/Missing", "#/paths/~1p/get", "A", "#/components/schemas/A/allOf/0", ""),
);
const refItem = ref.map(($ref) => ({ $ref }));
const discriminator = fc.record(
  {
    propertyName: fc.constantFrom("kind", "type", ""),
    mapping: fc.dictionary(fc.constantFrom("a", "b", "c", "A", "__x"), fc.oneof(ref, fc.constant("")), { maxKeys: 4 }),
  },
  { requiredKeys: ["propertyName"] },
);
const property = fc.record(
  { type: fc.constantFrom("string", "integer"), description: fc.constantFrom("the kind", "") },
  { requiredKeys: ["type"] },
);
const properties = fc.dictionary(fc.constantFrom("kind", "type", "name"), property, { maxKeys: 3 });
const schema: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ schema: Record<string, unknown> }>((tie) => ({
  schema: fc.record(
    {
      type: fc.constantFrom("object", "string"),
      properties,
      required: fc.subarray(["kind", "type", "name"]),
      oneOf: fc.array(fc.oneof({ weight: 3, arbitrary: refItem }, { weight: 1, arbitrary: tie("schema") }), {
        maxLength: 4,
      }),
      allOf: fc.array(fc.oneof({ weight: 3, arbitrary: refItem }, { weight: 1, arbitrary: tie("schema") }), {
        maxLength: 3,
      }),
      discriminator,
      $ref: ref,
    },
    { requiredKeys: [] },
  ),
})).schema;
const documents = fc.record({
  openapi: fc.constant("3.0.3"),
  paths: fc.dictionary(
    fc.constantFrom("/p", "/q"),
    fc.record({
      get: fc.record({
        responses: fc.record({
          "200": fc.record({ content: fc.record({ "application/json": fc.record({ schema }) }) }),
        }),
      }),
    }),
    { maxKeys: 2 },
  ),
  components: fc.record({ schemas: fc.dictionary(fc.constantFrom(...names), schema, { minKeys: 2, maxKeys: 5 }) }),
});
