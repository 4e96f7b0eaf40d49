import { checkSpec } from "./check/check-spec.js";
import { hasErrors, type Diagnostic } from "./diagnostics.js";
import { emitPackage } from "./emit/emit-package.js";
import { onlySources, type FileSet } from "./emit/file-set.js";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import type { GeneratorAssets } from "./generator-assets.js";
import type { InputFile, ProviderJob } from "./load/provider-job.js";
import { readConfig } from "./load/read-config.js";
import { emptyConfig } from "./load/provider-config.js";
import type { ApiModel } from "./model/api-model.js";
import { buildModel } from "./model/build-model.js";
import { nameApi } from "./name/name-api.js";
import type { NamedApi } from "./name/named-api.js";

export type { InputFile, ProviderJob };
export { configBeside } from "./load/provider-job.js";

export interface ProviderResult {
  job: ProviderJob;
  /** Absent when the input had errors. */
  files?: FileSet;
  operations: number;
  diagnostics: Diagnostic[];
  /** The spec, every file its `$ref`s reach and clientgen.yaml, as far as they could be read (for input stamps and `--watch`). */
  inputs: InputFile[];
}

/** Makes `src/types.ts` for a job on another core (see parallel/types-pool.ts). */
export type TypesSource = (job: ProviderJob) => Promise<FileSet>;

/** openapi-typescript (and the TypeScript compiler it loads) is imported only when this thread needs it. */
async function typesInThisThread(spec: LoadedSpec): Promise<FileSet> {
  const { emitTypes } = await import("./emit/emit-types.js");
  return emitTypes({ data: spec.data, source: { file: spec.root.file, hash: spec.hash } });
}

interface Analysis {
  diagnostics: Diagnostic[];
  inputs: InputFile[];
  /** Absent when the input had errors. */
  ready?: { spec: LoadedSpec; model: ApiModel; api: NamedApi };
}

/** load → check → model → name: every diagnostic the input deserves, nothing emitted. */
function analyzeProvider(job: ProviderJob, cwd: string): Analysis {
  const { spec, errors } = loadSpec(job.specPath, cwd);
  const { loaded, errors: configErrors } = job.configPath ? readConfig(job.configPath, cwd) : { loaded: { config: emptyConfig() }, errors: [] };
  const inputs = [...(spec?.sources ?? []), ...(loaded.doc ? [loaded.doc] : [])].map(({ absPath, text }) => ({ absPath, text }));
  if (!spec || hasErrors(errors) || hasErrors(configErrors)) return { diagnostics: [...errors, ...configErrors], inputs };
  const problems = checkSpec({ spec, config: loaded });
  if (hasErrors(problems)) return { diagnostics: problems, inputs };
  const model = buildModel(spec, loaded.config);
  const api = nameApi(model, job.provider, job.name);
  return { diagnostics: [...problems, ...model.notes, ...api.warnings], inputs, ready: { spec, model, api } };
}

/** What `clientgen lint` reports: the diagnostics of a generation, without generating. */
export function lintProvider(job: ProviderJob, cwd: string): ProviderResult {
  const { diagnostics, inputs, ready } = analyzeProvider(job, cwd);
  return { job, operations: ready?.model.operations.length ?? 0, diagnostics, inputs };
}

/**
 * load → check → model → name → emit, all in memory. Nothing here writes to disk. `whileWaiting`
 * gets the files made so far while the types are still being made on another core.
 */
export async function generateProvider(job: ProviderJob, assets: GeneratorAssets, cwd: string, typesSource?: TypesSource, whileWaiting?: (files: FileSet) => void): Promise<ProviderResult> {
  // Asked for first so that, on another core, the types and the clients are made at once.
  const elsewhere = typesSource?.(job);
  elsewhere?.catch(() => {});
  const { diagnostics, inputs, ready } = analyzeProvider(job, cwd);
  if (!ready) return { job, operations: 0, diagnostics, inputs };
  const layout = (files: FileSet) => (job.layout === "sources" ? onlySources(files) : files);
  const files = layout(emitPackage(ready.api, assets));
  if (elsewhere) whileWaiting?.(files);
  for (const [path, text] of layout(await (elsewhere ?? typesInThisThread(ready.spec)))) files.set(path, text);
  return { job, files, operations: ready.model.operations.length, diagnostics, inputs };
}
