import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { jobFor } from "../../src/load/find-providers.js";
import { readAssets } from "../../src/load/read-assets.js";
import { generateProvider, type ProviderResult } from "../../src/pipeline.js";

export const projectRoot = resolve(import.meta.dirname, "..", "..");
export const fixture = (...parts: string[]): string => resolve(projectRoot, "test", "fixtures", ...parts);

/** Runs the whole pipeline in memory on one spec, as `clientgen generate --spec` would. */
export async function generateFrom(specPath: string, provider = "fixture"): Promise<ProviderResult> {
  return generateProvider(
    jobFor(specPath, resolve(projectRoot, "generated", provider), provider),
    readAssets(),
    projectRoot,
  );
}

/** Generates a package from one spec into a new temporary folder (the caller removes it); resolves to the folder. */
export async function generateIntoTemp(specPath: string, provider: string): Promise<string> {
  const result = await generateFrom(specPath, provider);
  if (!result.files) throw new Error(result.diagnostics.map((d) => d.message).join("\n"));
  const dir = await mkdtemp(join(tmpdir(), `clientgen-${provider}-`));
  for (const [path, text] of result.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}
