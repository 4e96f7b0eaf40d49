import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadSpec } from "../../src/load/load-spec.js";
import { emptyConfig, type ProviderConfig } from "../../src/load/provider-config.js";
import type { ApiModel } from "../../src/model/api-model.js";
import { buildModel } from "../../src/model/build-model.js";

/** A spec document from its paths (and components), with the fields every spec has. */
export const specWith = (
  paths: Record<string, unknown>,
  components: Record<string, unknown> = {},
): Record<string, unknown> => ({
  openapi: "3.1.0",
  info: { title: "Test", version: "1.0.0" },
  paths,
  components,
});

/** The ApiModel of a spec document, built as the pipeline builds it (the document goes through load first). */
export function modelOf(doc: Record<string, unknown>, config: Partial<ProviderConfig> = {}): ApiModel {
  const dir = mkdtempSync(join(tmpdir(), "clientgen-model-"));
  try {
    const file = join(dir, "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const { spec, errors } = loadSpec(file, dir);
    if (!spec) throw new Error(errors.map((e) => e.message).join("\n"));
    return buildModel(spec, { ...emptyConfig(), ...config });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A JSON response of the given schema. */
export const jsonResponse = (schema: unknown) => ({
  "200": { description: "ok", content: { "application/json": { schema } } },
});

export const queryParams = (...names: string[]) =>
  names.map((name) => ({ name, in: "query", schema: { type: "string" } }));
