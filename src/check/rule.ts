import type { Diagnostic } from "../diagnostics.js";
import type { LoadedConfig } from "../load/read-config.js";
import type { LoadedSpec } from "../load/load-spec.js";

export interface CheckContext {
  spec: LoadedSpec;
  config: LoadedConfig;
}

/** One rule: reads the loaded input, returns every problem it finds (never throws, never stops early). */
export type Rule = (ctx: CheckContext) => Diagnostic[];
