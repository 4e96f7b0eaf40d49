import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import type { FileSet } from "./file-set.js";
import { TypesFailed } from "./types-failed.js";
import { banner } from "./source-writer.js";

/**
 * openapi-typescript's CommonJS build, required rather than imported: an ES import of its ESM
 * build makes Node scan the 9 MB CommonJS source of TypeScript (which it imports) for named
 * exports, about half a second of a fresh generation that `require` does not spend.
 */
const { astToString, resolveRef, scanDiscriminators, transformSchema } = createRequire(import.meta.url)("openapi-typescript") as typeof OpenapiTypescript;

export interface TypesInput {
  data: Record<string, unknown>;
  source: { file: string; hash: string };
}

/**
 * `src/types.ts` from openapi-typescript: `paths`, `components`, `operations`. We never convert
 * schemas ourselves. We call its transform directly rather than `openapiTS()`: the document was
 * already checked and bundled by our own load and check stages, and openapiTS would lint and
 * bundle it again through Redocly (on GitHub's spec, 1.8 of its 2.8 seconds). The context carries
 * openapiTS's own defaults.
 */
export function emitTypes({ data, source }: TypesInput): FileSet {
  const schema = data as unknown as OpenAPI3;
  let text: string;
  try {
    text = astToString(transformSchema(schema, typesContext(schema)));
  } catch (err) {
    // Its errors are about the document (a shape it did not expect), so they become input errors.
    throw new TypesFailed(err instanceof Error ? err.message : String(err));
  }
  return new Map([["src/types.ts", `${banner(source)}/* eslint-disable */\n${text}`]]);
}

/**
 * The openapi-typescript version whose `openapiTS()` context `typesContext` copies. GlobalContext is
 * internal: test/emit/types-context.test.ts fails when the installed version differs, or its context
 * gains, loses or changes a default, so an upgrade is checked before it changes types.ts quietly.
 */
export const OPENAPI_TYPESCRIPT_VERSION = "7.13.0";

/** openapiTS()'s own context for `schema` with its default options (and silent), as in OPENAPI_TYPESCRIPT_VERSION. */
export function typesContext(schema: OpenAPI3): GlobalContext {
  const options = { silent: true };
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    // Properties with a default are required in the types; model/example-fits.ts builds examples to match.
    defaultNonNullable: true,
    discriminators: scanDiscriminators(schema, options),
    emptyObjectsUnknown: false,
    enum: false,
    enumValues: false,
    conditionalEnums: false,
    dedupeEnums: false,
    excludeDeprecated: false,
    exportType: false,
    immutable: false,
    rootTypes: false,
    rootTypesNoSchemaPrefix: false,
    rootTypesKeepCasing: false,
    injectFooter: [],
    pathParamsAsTypes: false,
    postTransform: undefined,
    propertiesRequiredByDefault: false,
    redoc: undefined as unknown as GlobalContext["redoc"],
    silent: true,
    inject: undefined,
    transform: undefined,
    transformProperty: undefined,
    makePathsEnum: false,
    generatePathParams: false,
    readWriteMarkers: false,
    resolve: ($ref) => resolveRef(schema, $ref, options),
  } as GlobalContext;
}
