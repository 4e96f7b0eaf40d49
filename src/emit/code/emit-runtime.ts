import type { GeneratorAssets } from "../../generator-assets.js";
import type { FileSet } from "../file-set.js";

/** The runtime, byte for byte, under `src/runtime/`: every package carries its own copy and needs no dependency. */
export function emitRuntime(assets: GeneratorAssets): FileSet {
  return new Map([...assets.runtime].map(([path, text]) => [`src/runtime/${path}`, text]));
}
