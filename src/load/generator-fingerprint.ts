import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
/** `dist/` when built, `src/` under tsx: the generator code that is running. */
const codeRoot = join(here, "..");
const projectRoot = join(codeRoot, "..");

function hashTree(hash: ReturnType<typeof createHash>, root: string): void {
  if (!existsSync(root)) return;
  const files = readdirSync(root, { recursive: true, encoding: "utf8" }).sort();
  for (const file of files) {
    if (!/\.(js|ts|hbs)$/.test(file)) continue;
    hash
      .update(file)
      .update("\0")
      .update(readFileSync(join(root, file)))
      .update("\0");
  }
}

/** openapi-typescript writes `types.ts`: a new version of it is a new generator. Found the way Node would, without resolving (or loading) it. */
function openapiTypescriptVersion(): string {
  for (let dir = projectRoot; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "node_modules", "openapi-typescript", "package.json");
    if (existsSync(manifest)) return (JSON.parse(readFileSync(manifest, "utf8")) as { version?: string }).version ?? "";
  }
  return "";
}

/**
 * What made an output besides its inputs: the generator's own code (so a changed emitter regenerates
 * even without a version bump, which matters most while developing it), its templates, the
 * runtimes it copies (client and command line), its version and openapi-typescript's. Reading ~100 small files costs a few milliseconds.
 */
export function generatorFingerprint(): string {
  const hash = createHash("sha256");
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
  hash.update(`clientgen ${pkg.version}\0openapi-typescript ${openapiTypescriptVersion()}\0`);
  for (const root of [
    codeRoot,
    join(projectRoot, "templates"),
    join(projectRoot, "src", "runtime"),
    join(projectRoot, "src", "runtime-cli"),
  ])
    hashTree(hash, root);
  return hash.digest("hex");
}
