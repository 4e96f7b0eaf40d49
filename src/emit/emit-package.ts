import type { GeneratorAssets } from "../generator-assets.js";
import type { NamedApi } from "../name/named-api.js";
import { emitCore } from "./emit-core.js";
import { emitModels } from "./emit-models.js";
import { emitOperations } from "./emit-operations.js";
import { emitPackageFiles } from "./emit-package-files.js";
import { emitReadme } from "./emit-readme.js";
import { emitRuntime } from "./emit-runtime.js";
import { mergeFileSets, type FileSet } from "./file-set.js";
import { styles } from "./styles/index.js";

/** Every file of a package except `src/types.ts` (openapi-typescript's, emitted separately so it can run in parallel). */
export function emitPackage(api: NamedApi, assets: GeneratorAssets): FileSet {
  const files: FileSet = new Map();
  mergeFileSets(files, emitRuntime(assets), emitModels(api), emitOperations(api), emitCore(api));
  for (const style of styles) mergeFileSets(files, style.emit(api, assets));
  mergeFileSets(files, emitPackageFiles(api, assets, styles), emitReadme(api, assets));
  return files;
}
