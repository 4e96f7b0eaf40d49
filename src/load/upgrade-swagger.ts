import type { Diagnostic } from "../diagnostics.js";
import type { LoadedSpec } from "./load-spec.js";
import { normalizeRefs } from "./normalize-refs.js";
import { originalPointer } from "./swagger-pointers.js";

export const isSwagger2 = (data: Record<string, unknown>): boolean =>
  data.openapi === undefined && data.swagger === "2.0";

/**
 * A Swagger 2.0 document converted in memory to OpenAPI 3.0 by Scalar's upgrader (the file is
 * not touched), with diagnostics still pointing into the original. Call it only on a document that
 * passed structural validation: the converter assumes well-formed input and throws on anything else.
 * The converter is loaded only for such a document (a twentieth of a second of start-up otherwise).
 */
export async function upgradeSwagger2(spec: LoadedSpec): Promise<{ spec: LoadedSpec; diagnostics: Diagnostic[] }> {
  const { upgrade } = await import("@scalar/openapi-upgrader");
  let data: Record<string, unknown>;
  try {
    data = upgrade(structuredClone(spec.data), "3.0") as unknown as Record<string, unknown>;
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
  }
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
