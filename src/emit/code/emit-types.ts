import { createRequire } from "node:module";
import type * as OpenapiTypescript from "openapi-typescript";
import type { GlobalContext, OpenAPI3 } from "openapi-typescript";
import type { FileSet } from "../file-set.js";
import { TypesFailed } from "./types-failed.js";
import { scanDiscriminators } from "./scan-discriminators.js";
import { inferDiscriminatorMappings } from "./infer-discriminator-mappings.js";
import { banner } from "./source-writer.js";

const require = createRequire(import.meta.url);

/**
 * openapi-typescript's CommonJS modules that hold the transform, the printer and the `$ref`
 * helpers, required one by one: its index also loads Redocly's whole openapi-core (for
 * `openapiTS()`'s bundling and linting, which we do not use), about 340 modules and most of the
 * worker's start-up. These are the very functions the index re-exports (types-context.test.ts
 * checks that they are the same objects). `require` rather than an ES import: an ES import of its
 * ESM build makes Node scan the 9 MB CommonJS source of TypeScript for named exports.
 */
const transformSchema =
  require("openapi-typescript/dist/transform/index.cjs") as typeof OpenapiTypescript.transformSchema;
const { astToString } = require("openapi-typescript/dist/lib/ts.cjs") as Pick<typeof OpenapiTypescript, "astToString">;
const { resolveRef } = require("openapi-typescript/dist/lib/utils.cjs") as Pick<typeof OpenapiTypescript, "resolveRef">;

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
    inferDiscriminatorMappings(schema);
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

/**
 * openapiTS()'s own context for `schema` with its default options (and silent), as in
 * OPENAPI_TYPESCRIPT_VERSION, except `defaultNonNullable`, which is off (see below).
 */
export function typesContext(schema: OpenAPI3): GlobalContext {
  const options = { silent: true };
  return {
    additionalProperties: false,
    alphabetize: false,
    arrayLength: false,
    // A property with a default is optional, as a request may leave it out (the server fills it). The types
    // are shared by requests and responses, so a response's own defaulted fields are made required where
    // it is named (emit/code/type-exprs.ts, from ResponseModel.defaulted); model/example-fits.ts matches.
    defaultNonNullable: false,
    // openapi-typescript's scanDiscriminators, made cheaper: see scan-discriminators.ts.
    discriminators: scanDiscriminators(schema),
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
    resolve: resolverOf(schema, options),
  } as GlobalContext;
}

/**
 * openapiTS()'s `resolve` (`resolveRef` on the document), remembered by `$ref`: the transform asks
 * for the same few thousand `$ref`s over and over, and each call parses the pointer and walks from
 * the root again. The answer cannot change during a transform: openapi-typescript writes to the
 * document only in `scanDiscriminators`, which has run when the context exists, and the transform
 * only reads it. One memo per context, so a changed document gets a new one.
 */
function resolverOf(schema: OpenAPI3, options: { silent: boolean }): GlobalContext["resolve"] {
  const resolved = new Map<string, unknown>();
  return <T>($ref: string): T | undefined => {
    if (!resolved.has($ref)) resolved.set($ref, resolveRef(schema, $ref, options));
    return resolved.get($ref) as T | undefined;
  };
}
