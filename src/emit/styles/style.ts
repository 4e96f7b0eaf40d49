import type { GeneratorAssets } from "../../generator-assets.js";
import type { NamedApi } from "../../name/named-api.js";
import type { FileSet } from "../file-set.js";

/** A calling style: one folder under emit/styles and one entry in the registry. */
export interface Style {
  name: string;
  /** Package entry points this style adds, e.g. `{ ".": "index" }` → `src/index.ts`. */
  entries: Record<string, string>;
  /** Executables this style adds (package.json `bin`): name → file under src/ without extension. */
  bin?(api: NamedApi): Record<string, string>;
  /** The language of its examples, for Markdown code fences: `ts`, `sh`. */
  language: string;
  emit(api: NamedApi, assets: GeneratorAssets): FileSet;
  /** The README's example for this style: a heading and a snippet. */
  usage(api: NamedApi): { title: string; code: string };
  /** How an operation is called in this style, for the operation tables in docs: `client.user.invites.list()`. */
  callName(api: NamedApi, named: NamedApi["operations"][number]): string;
  /** A complete example of one operation in this style (construction and call), for the docs pages. */
  example(api: NamedApi, named: NamedApi["operations"][number]): string;
}
