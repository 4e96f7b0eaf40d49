import type { GeneratorAssets } from "../generator-assets.js";
import type { NamedApi } from "../name/named-api.js";
import { emitCore } from "./code/emit-core.js";
import { emitModels } from "./code/emit-models.js";
import { emitOperations } from "./code/emit-operations.js";
import { emitPackageFiles } from "./package/emit-package-files.js";
import { emitDocs } from "./docs/emit-docs.js";
import { emitRuntime } from "./code/emit-runtime.js";
import type { FileSet } from "./file-set.js";
import { styles } from "./styles/index.js";

/**
 * Every file of a package except `src/types.ts` (openapi-typescript's, emitted separately so it can
 * run in parallel), one emitter's at a time, so that a caller can write each part while the next is
 * made. Merged in this order, a later part's file replacing an earlier one's, they are the package.
 */
export function* emitPackageParts(api: NamedApi, assets: GeneratorAssets): Generator<FileSet> {
  yield emitRuntime(assets);
  yield emitModels(api);
  yield emitOperations(api);
  yield emitCore(api);
  for (const style of styles) yield style.emit(api, assets);
  yield emitPackageFiles(api, assets, styles);
  yield emitDocs(api, assets, styles);
}
