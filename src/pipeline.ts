import { checkSpec } from "./check/check-spec.js";
import { checkStructure } from "./check/structure/check-structure.js";
import { compareDiagnostics, hasErrors, pointerSegments, type Diagnostic } from "./diagnostics.js";
import { emitPackageParts } from "./emit/emit-package.js";
import { mergeFileSets, onlySources, type FileSet } from "./emit/file-set.js";
import { renderTemplate } from "./emit/render-template.js";
import { TypesFailed } from "./emit/code/types-failed.js";
import { loadSpec, type LoadedSpec } from "./load/load-spec.js";
import type { GeneratorAssets } from "./generator-assets.js";
import { specLabel, type InputFile, type ProviderJob } from "./load/provider-job.js";
import { readConfig, type LoadedConfig } from "./load/read-config.js";
import { isSwagger2, upgradeSwagger2 } from "./load/upgrade-swagger.js";
import { emptyConfig } from "./load/provider-config.js";
import type { ApiModel } from "./model/api-model.js";
import { buildModel } from "./model/build-model.js";
import { nameApi } from "./name/name-api.js";
import type { NamedApi } from "./name/named-api.js";
import { locateRenames } from "./name/rename-warning.js";

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

/** Makes `src/types.ts` for a job on another core (see types-worker/types-pool.ts). */
export type TypesSource = (job: ProviderJob) => Promise<FileSet>;

/** openapi-typescript (and the TypeScript compiler it loads) is imported only when this thread needs it. */
async function typesInThisThread(spec: LoadedSpec, label: string): Promise<FileSet> {
  const { emitTypes } = await import("./emit/code/emit-types.js");
  return emitTypes({ data: spec.data, source: { file: label, hash: spec.hash } });
}

interface Checked {
  /** The document the later stages read (Swagger 2.0 already converted); absent when it could not be read. */
  spec?: LoadedSpec;
  config: LoadedConfig;
  /** Every problem found, errors and warnings, sorted by place. */
  diagnostics: Diagnostic[];
  inputs: InputFile[];
}

/**
 * load → validate → check: everything clientgen knows about a provider's input, all problems at once.
 * A Swagger 2.0 file is converted only once it is structurally valid (the converter assumes so).
 */
async function checkProvider(job: ProviderJob, cwd: string): Promise<Checked> {
  const { spec: read, errors } = loadSpec(job.specPath, cwd);
  const { loaded: config, errors: configErrors } = job.configPath
    ? readConfig(job.configPath, cwd)
    : { loaded: { config: emptyConfig() }, errors: [] };
  const inputs = [...(read?.sources ?? []), ...(config.doc ? [config.doc] : [])].map(({ absPath, text }) => ({
    absPath,
    text,
  }));
  const done = (spec: LoadedSpec | undefined, found: Diagnostic[]): Checked => ({
    ...(spec ? { spec } : {}),
    config,
    inputs,
    diagnostics: [...found, ...configErrors].sort(compareDiagnostics),
  });
  if (!read || hasErrors(errors)) return done(undefined, errors);
  const structure = checkStructure(read);
  let spec = read;
  const converted: Diagnostic[] = [];
  if (isSwagger2(read.data)) {
    if (hasErrors(structure)) return done(read, structure);
    const upgraded = await upgradeSwagger2(read);
    converted.push(...upgraded.diagnostics);
    if (hasErrors(converted)) return done(read, [...structure, ...converted]);
    spec = upgraded.spec;
  }
  return done(spec, [...structure, ...converted, ...checkSpec({ spec, config })]);
}

interface Analysis {
  diagnostics: Diagnostic[];
  inputs: InputFile[];
  /** Absent when the input had errors. */
  ready?: { spec: LoadedSpec; model: ApiModel; api: NamedApi };
}

/** load → check → model → name: every diagnostic the input deserves, nothing emitted. */
async function analyzeProvider(job: ProviderJob, cwd: string): Promise<Analysis> {
  const { spec, config, diagnostics, inputs } = await checkProvider(job, cwd);
  if (!spec || hasErrors(diagnostics)) return { diagnostics, inputs };
  const model = buildModel(spec, config.config);
  // Banners and the README name the spec as the output sees it, not as the working directory does.
  model.source = { ...model.source, file: specLabel(job) };
  const api = nameApi(model, job.provider, job.name);
  const warnings = locateRenames(api.warnings, spec).map((d) => located(spec, d));
  return { diagnostics: [...diagnostics, ...model.notes, ...warnings], inputs, ready: { spec, model, api } };
}

/** A later stage's finding that knows only its pointer gets the file, line, column and code frame of it. */
const located = (spec: LoadedSpec, d: Diagnostic): Diagnostic =>
  d.pointer === undefined || d.location ? d : spec.diagnostic(pointerSegments(d.pointer), d);

/** What `clientgen lint` reports: the diagnostics of a generation, without generating. */
export async function lintProvider(job: ProviderJob, cwd: string): Promise<ProviderResult> {
  const { diagnostics, inputs, ready } = await analyzeProvider(job, cwd);
  return { job, operations: ready?.model.operations.length ?? 0, diagnostics, inputs };
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

/**
 * The files of `job.layout`: a package as emitted, or `sources`, only what its src/ holds plus a
 * .gitignore of its own (in place of the package's) for the input stamp, since sources are committed.
 * Sources leave the command line out unless `withCli`: it is an entry point with a process to run
 * in, which a library compiled into someone else's project does not need.
 */
function layOut(job: ProviderJob, assets: GeneratorAssets): (files: FileSet) => FileSet {
  if (job.layout !== "sources") return (files) => files;
  const keep = (path: string): boolean =>
    job.withCli === true || !(path === "cli.ts" || path.startsWith("cli-runtime/"));
  return (files) => {
    const sources = new Map([...onlySources(files)].filter(([path]) => keep(path)));
    if (files.has(".gitignore")) sources.set(".gitignore", renderTemplate(assets, "sources/gitignore.hbs", {}));
    return sources;
  };
}

/**
 * load → check → model → name → emit, all in memory. Nothing here writes to disk. `whileWaiting`
 * gets each part of the files as it is made, while the types are still being made on another core
 * (a later part's file replaces an earlier one's, as in the result).
 */
export async function generateProvider(
  job: ProviderJob,
  assets: GeneratorAssets,
  cwd: string,
  typesSource?: TypesSource,
  whileWaiting?: (files: FileSet) => void,
): Promise<ProviderResult> {
  // Asked for first so that, on another core, the types and the clients are made at once.
  const elsewhere = typesSource?.(job);
  elsewhere?.catch(() => {});
  const { diagnostics, inputs, ready } = await analyzeProvider(job, cwd);
  if (!ready) return { job, operations: 0, diagnostics, inputs };
  const layout = layOut(job, assets);
  const files: FileSet = new Map();
  for (const part of emitPackageParts(ready.api, assets)) {
    const laid = layout(part);
    mergeFileSets(files, laid);
    if (elsewhere) whileWaiting?.(laid);
  }
  let types: FileSet;
  try {
    types = await (elsewhere ?? typesInThisThread(ready.spec, specLabel(job)));
  } catch (err) {
    if (!(err instanceof TypesFailed)) throw err;
    return { job, operations: 0, diagnostics: [...diagnostics, typesFailedDiagnostic(ready.spec, err)], inputs };
  }
  for (const [path, text] of layout(types)) files.set(path, text);
  return { job, files, operations: ready.model.operations.length, diagnostics, inputs };
}
