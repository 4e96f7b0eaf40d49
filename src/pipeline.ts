import { checkSpec } from "./check/check-spec.js";
import { checkStructure } from "./check/check-structure.js";
import { compareDiagnostics, hasErrors, type Diagnostic } from "./diagnostics.js";
import { emitPackage } from "./emit/emit-package.js";
import type { FileSet } from "./emit/file-set.js";
import { TypesFailed } from "./emit/types-failed.js";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import type { GeneratorAssets } from "./generator-assets.js";
import type { ProviderJob } from "./load/provider-job.js";
import { readConfig, type LoadedConfig } from "./load/read-config.js";
import { isSwagger2, upgradeSwagger2 } from "./load/upgrade-swagger.js";
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

export interface CheckedProvider {
  /** The document the later stages read (Swagger 2.0 already converted); absent when it could not be read. */
  spec?: LoadedSpec;
  config: LoadedConfig;
  /** Every problem found, errors and warnings, sorted by place. */
  diagnostics: Diagnostic[];
}

/**
 * load → validate → check: everything clientgen knows about a provider's input, all problems at once.
 * A Swagger 2.0 file is converted only once it is structurally valid (the converter assumes so).
 */
export async function checkProvider(job: ProviderJob, cwd: string): Promise<CheckedProvider> {
  const { spec: read, errors } = loadSpec(job.specPath, cwd);
  const { loaded: config, errors: configErrors } = job.configPath ? readConfig(job.configPath, cwd) : { loaded: { config: emptyConfig() }, errors: [] };
  const done = (spec: LoadedSpec | undefined, found: Diagnostic[]): CheckedProvider => ({ ...(spec ? { spec } : {}), config, diagnostics: [...found, ...configErrors].sort(compareDiagnostics) });
  if (!read || hasErrors(errors)) return done(undefined, errors);
  const structure = await checkStructure(read);
  let spec = read;
  const converted: Diagnostic[] = [];
  if (isSwagger2(read.data)) {
    if (hasErrors(structure)) return done(read, structure);
    const upgraded = upgradeSwagger2(read);
    converted.push(...upgraded.diagnostics);
    if (hasErrors(converted)) return done(read, [...structure, ...converted]);
    spec = upgraded.spec;
  }
  return done(spec, [...structure, ...converted, ...checkSpec({ spec, config })]);
}

/** openapi-typescript's failure as a diagnostic on the spec: exit 1 and a message, not an internal error. */
function typesFailedDiagnostic(spec: LoadedSpec, err: TypesFailed): Diagnostic {
  return spec.diagnostic([], {
    severity: "error",
    rule: "types-failed",
    message: `openapi-typescript could not turn ${spec.root.file} into TypeScript types: ${err.reason}`,
    hint: "the spec passed clientgen's checks but holds something openapi-typescript cannot read; simplify the schema it names, run with --debug for details, and report it with the spec",
  });
}

/** load → check → model → name → emit, all in memory. Nothing here writes to disk. */
export async function generateProvider(job: ProviderJob, assets: GeneratorAssets, cwd: string, typesSource?: TypesSource): Promise<ProviderResult> {
  // Asked for first so that, on another core, the types and the clients are made at once.
  const elsewhere = typesSource?.(job);
  elsewhere?.catch(() => {});
  const { spec, config, diagnostics } = await checkProvider(job, cwd);
  if (!spec || hasErrors(diagnostics)) return { job, operations: 0, diagnostics };
  const model = buildModel(spec, config.config);
  const api = nameApi(model, job.provider, job.name);
  const files = emitPackage(api, assets);
  let types: FileSet;
  try {
    types = await (elsewhere ?? typesInThisThread(spec));
  } catch (err) {
    if (!(err instanceof TypesFailed)) throw err;
    return { job, operations: 0, diagnostics: [...diagnostics, typesFailedDiagnostic(spec, err)] };
  }
  for (const [path, text] of types) files.set(path, text);
  return { job, files, operations: model.operations.length, diagnostics: [...diagnostics, ...model.notes, ...api.warnings] };
}
