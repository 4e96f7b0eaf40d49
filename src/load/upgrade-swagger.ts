import { createRequire } from "node:module";
import type { Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "./load-spec.js";
import { isObject } from "./json-helpers.js";
import { normalizeRefs } from "./normalize-refs.js";
import { originalPointer } from "./swagger-pointers.js";

export const isSwagger2 = (data: Record<string, unknown>): boolean =>
  data.openapi === undefined && data.swagger === "2.0";

/** swagger2openapi's entry point, as much of it as is used here (the package ships no types). */
interface Swagger2OpenAPI {
  convertObj(swagger: unknown, options: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/**
 * A Swagger 2.0 document converted in memory to OpenAPI 3.0 by swagger2openapi (the file is not
 * touched), with diagnostics still pointing into the original. Call it only on a document that
 * passed structural validation: the converter assumes well-formed input. It is loaded only for such a
 * document. (Scalar's upgrader declares Node 22 from 0.2 on, so installing it warned on Node 20; its
 * 0.1 line, which did not, lets a global `produces` override an operation's and drops formData `items`.)
 */
export async function upgradeSwagger2(spec: LoadedSpec): Promise<{ spec: LoadedSpec; diagnostics: Diagnostic[] }> {
  const { convertObj } = createRequire(import.meta.url)("swagger2openapi") as Swagger2OpenAPI;
  let data: Record<string, unknown>;
  // On a failure the converter also console.warns the error with its stack; the diagnostic below says it once, without.
  const warn = console.warn;
  console.warn = () => {};
  try {
    // `patch` mends what 2.0 allowed loosely; nothing outside the document is fetched (`resolve` off);
    // `text` given, so that it does not re-serialise the whole document as YAML for nothing.
    data = await convertObj(structuredClone(spec.data), {
      patch: true,
      warnOnly: true,
      resolve: false,
      direct: true,
      text: spec.root.text,
    });
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      spec,
      diagnostics: [
        spec.diagnostic(["swagger"], {
          severity: "error",
          rule: "swagger-convert",
          message: `this Swagger 2.0 document could not be converted to OpenAPI 3: ${reason}`,
          hint: "convert it yourself (for example with 'npx swagger2openapi') and generate from the result; please report the spec that caused it",
        }),
      ],
    };
  } finally {
    console.warn = warn;
  }
  nullableFormFields(data);
  schemeForServers(data);
  normalizeRefs(data, [spec.root.text]);
  const original = spec.data;
  const converted: LoadedSpec = {
    ...spec,
    data,
    diagnostic: (pointer, d) => spec.diagnostic(originalPointer(pointer, data, original), d),
  };
  const warning = spec.diagnostic(["swagger"], {
    severity: "warning",
    rule: "swagger-converted",
    message: `${spec.root.file} is Swagger 2.0: converted to OpenAPI 3.0 in memory (the file is unchanged)`,
    hint: `to silence this, convert the file once and keep the OpenAPI 3 version (for example 'npx swagger2openapi ${spec.root.file} -o openapi.yaml')`,
  });
  return { spec: converted, diagnostics: [warning] };
}

/**
 * swagger2openapi turns `x-nullable` into `nullable` in schemas, but not on the formData parameters it
 * makes into request body fields: those are mended here, so a field the spec lets be null types as such.
 */
function nullableFormFields(data: Record<string, unknown>): void {
  for (const pathItem of Object.values(isObject(data.paths) ? data.paths : {}))
    for (const op of Object.values(isObject(pathItem) ? pathItem : {})) {
      const content = isObject(op) && isObject(op.requestBody) ? op.requestBody.content : undefined;
      for (const media of Object.values(isObject(content) ? content : {})) {
        const schema = isObject(media) ? media.schema : undefined;
        const fields = isObject(schema) && isObject(schema.properties) ? schema.properties : {};
        for (const field of Object.values(fields))
          if (isObject(field) && typeof field["x-nullable"] === "boolean") {
            field.nullable = field["x-nullable"];
            delete field["x-nullable"];
          }
      }
    }
}

/**
 * A 2.0 document without `schemes` means "the scheme the spec was fetched with", which swagger2openapi
 * keeps as a scheme-relative `//host/base`; a client has no such scheme to inherit, so it gets https.
 */
function schemeForServers(data: Record<string, unknown>): void {
  for (const server of Array.isArray(data.servers) ? data.servers : [])
    if (isObject(server) && typeof server.url === "string" && server.url.startsWith("//"))
      server.url = `https:${server.url}`;
}
