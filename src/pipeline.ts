import { checkSpec } from "./check/check-spec.js";
import { hasErrors, type Diagnostic } from "./diagnostics.js";
import { emitPackage } from "./emit/emit-package.js";
import type { FileSet } from "./emit/file-set.js";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import type { GeneratorAssets } from "./generator-assets.js";
import type { ProviderJob } from "./load/provider-job.js";
import { readConfig } from "./load/read-config.js";
import { emptyConfig } from "./load/provider-config.js";
import { buildModel } from "./model/build-model.js";
import { nameApi } from "./name/name-api.js";

export type { ProviderJob };
export { configBeside } from "./load/provider-job.js";

export interface ProviderResult {
  job: ProviderJob;
  /** Absent when the input had errors. */
  files?: FileSet;
  operations: number;
  diagnostics: Diagnostic[];
}

/** Makes `src/types.ts` for a job on another core (see parallel/types-pool.ts). */
export type TypesSource = (job: ProviderJob) => Promise<FileSet>;

/** openapi-typescript (and the TypeScript compiler it loads) is imported only when this thread needs it. */
async function typesInThisThread(spec: LoadedSpec): Promise<FileSet> {
  const { emitTypes } = await import("./emit/emit-types.js");
  return emitTypes({ data: spec.data, source: { file: spec.root.file, hash: spec.hash } });
}

/** load → check → model → name → emit, all in memory. Nothing here writes to disk. */
export async function generateProvider(job: ProviderJob, assets: GeneratorAssets, cwd: string, typesSource?: TypesSource): Promise<ProviderResult> {
  // Asked for first so that, on another core, the types and the clients are made at once.
  const elsewhere = typesSource?.(job);
  elsewhere?.catch(() => {});
  const fail = (diagnostics: Diagnostic[]): ProviderResult => ({ job, operations: 0, diagnostics });
  const { spec, errors } = loadSpec(job.specPath, cwd);
  const { loaded, errors: configErrors } = job.configPath ? readConfig(job.configPath, cwd) : { loaded: { config: emptyConfig() }, errors: [] };
  if (!spec || hasErrors(errors) || hasErrors(configErrors)) return fail([...errors, ...configErrors]);
  const problems = checkSpec({ spec, config: loaded });
  if (hasErrors(problems)) return fail(problems);
  const model = buildModel(spec, loaded.config);
  const api = nameApi(model, job.provider, job.name);
  const files = emitPackage(api, assets);
  for (const [path, text] of await (elsewhere ?? typesInThisThread(spec))) files.set(path, text);
  return { job, files, operations: model.operations.length, diagnostics: [...problems, ...model.notes, ...api.warnings] };
}
