import { existsSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, sep } from "node:path";

/** One package to generate: a spec, its optional clientgen.yaml, and where the package goes. */
export interface ProviderJob {
  /** Folder name of the package: `openai`. */
  provider: string;
  specPath: string;
  /** clientgen.yaml beside the spec, when present. */
  configPath?: string;
  outDir: string;
  /** Client class name from `--name`. */
  name?: string;
  /** `package` (default): a buildable npm package; `sources`: only what its `src/` holds. */
  layout?: "package" | "sources";
  /** With `sources`: the command line too (`cli.ts`, `cli-runtime/`), left out unless asked for (`--with-cli`). */
  withCli?: boolean;
}

/** A file an output was made from (the spec, a file its `$ref`s reach, clientgen.yaml), with the text that was used. */
export interface InputFile {
  absPath: string;
  text: string;
}

/** The config file that sits beside a spec, if any. */
export function configBeside(specPath: string): string | undefined {
  return ["clientgen.yaml", "clientgen.yml"].map((f) => join(dirname(specPath), f)).find((p) => existsSync(p));
}

/**
 * How banners and READMEs name a job's spec: its path from the nearest folder that holds both the
 * spec and the output (`specs/openai/openapi.yaml` for `generated/openai`), or its file name when
 * only the filesystem root holds both. Never absolute and never from the working directory, so the
 * output is the same bytes wherever the pair is moved or cloned, and whichever folder clientgen ran in.
 */
export function specLabel(job: Pick<ProviderJob, "specPath" | "outDir">): string {
  let common = dirname(job.specPath);
  while (!isWithin(job.outDir, common)) {
    const up = dirname(common);
    if (up === common) return basename(job.specPath);
    common = up;
  }
  if (dirname(common) === common) return basename(job.specPath);
  return relative(common, job.specPath).split(sep).join("/");
}

/** `path` is `folder` or inside it. */
export function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}
