import { existsSync, readdirSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { configBeside, type ProviderJob } from "./provider-job.js";

const SPEC_NAMES = ["openapi.yaml", "openapi.yml", "openapi.json"];

/** The spec a provider folder holds (`openapi.yaml`, `.yml` or `.json`), if any. */
export function specIn(dir: string): string | undefined {
  return SPEC_NAMES.map((f) => join(dir, f)).find((p) => existsSync(p));
}

/**
 * What a spec given by path is called: its folder for a provider folder's `openapi.yaml` (`specs/github/openapi.yaml`
 * is "github"), otherwise its file name without the extension (`../specs/github-api.json` is "github-api").
 */
export function specName(specPath: string): string {
  const file = basename(specPath);
  if (SPEC_NAMES.includes(file)) return basename(dirname(specPath));
  return file.replace(/\.(ya?ml|json)$/i, "") || file;
}

/** One job per `specs/<provider>/openapi.*`, in name order; or only the named providers. */
export function findProviders(
  specsDir: string,
  outDir: string,
  only: string[],
  cwd: string,
): { jobs: ProviderJob[]; errors: Diagnostic[] } {
  const root = resolve(cwd, specsDir);
  if (!existsSync(root)) {
    return {
      jobs: [],
      errors: [
        {
          severity: "error",
          rule: "specs-missing",
          message: `no ${specsDir}/ folder here (${cwd})`,
          hint: "run from the project root, start one with 'clientgen init <provider>', or pass --spec FILE --out DIR",
        },
      ],
    };
  }
  const folders = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const errors: Diagnostic[] = [];
  for (const name of only) {
    if (!folders.includes(name))
      errors.push({
        severity: "error",
        rule: "provider-unknown",
        message: `no provider '${name}' in ${specsDir}/`,
        hint: `known: ${folders.join(", ")}`,
      });
  }
  const jobs: ProviderJob[] = [];
  for (const provider of folders) {
    if (only.length && !only.includes(provider)) continue;
    const spec = specIn(join(root, provider));
    if (!spec) {
      errors.push({
        severity: "error",
        rule: "spec-missing",
        message: `${specsDir}/${provider}/ has no openapi.yaml`,
        hint: `add ${specsDir}/${provider}/openapi.yaml, or remove the folder`,
      });
      continue;
    }
    jobs.push(jobFor(spec, join(resolve(cwd, outDir), provider), provider));
  }
  return { jobs, errors };
}

/**
 * Folder names that say where code goes, not what it is: `--out src` must not make a `SrcClient` reading
 * `SRC_API_KEY`, so these fall back to the spec's name.
 */
const PLACE_NAMES: ReadonlySet<string> = new Set([
  "src",
  "lib",
  "source",
  "sources",
  "gen",
  "generated",
  "out",
  "output",
  "dist",
  "build",
]);

export function jobFor(specPath: string, outDir: string, provider?: string, name?: string): ProviderJob {
  const folder = basename(outDir);
  const job: ProviderJob = {
    provider: provider ?? (folder && !PLACE_NAMES.has(folder.toLowerCase()) ? folder : specName(specPath)),
    specPath,
    outDir,
  };
  const config = configBeside(specPath);
  if (config) job.configPath = config;
  if (name) job.name = name;
  return job;
}
