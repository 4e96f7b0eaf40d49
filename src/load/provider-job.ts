import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

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
