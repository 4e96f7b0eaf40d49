import { resolve } from "node:path";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import { generateProvider, type ProviderResult } from "../../src/pipeline.js";

export const projectRoot = resolve(import.meta.dirname, "..", "..");
export const fixture = (...parts: string[]): string => resolve(projectRoot, "test", "fixtures", ...parts);

/** Runs the whole pipeline in memory on one spec, as `clientgen generate --spec` would. */
export async function generateFrom(specPath: string, provider = "fixture"): Promise<ProviderResult> {
  return generateProvider(jobFor(specPath, resolve(projectRoot, "generated", provider), provider), readAssets(), projectRoot);
}
