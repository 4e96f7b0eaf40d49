// `npm run build` (and `prepare`, through prepare.mjs, so `npm ci` on a clone builds it): the generator's TypeScript to
// ESM JavaScript in dist/, one file per source file. A transpile, not a type-check (`npm run
// typecheck` does that): it takes well under a second, so `npm ci` stays fast. The runtime is built
// too (the name stage reads its exports); generated packages get it as TypeScript, from src/runtime/.
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const src = join(root, "src");
const entryPoints = readdirSync(src, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
  .map((file) => join(src, file));

rmSync(join(root, "dist"), { recursive: true, force: true });
await build({
  entryPoints,
  outdir: join(root, "dist"),
  outbase: src,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
});

// The templates, compiled ahead (dist/templates.cjs): compiling them took about a tenth of a second of every generation.
const { readAssets } = await import(pathToFileURL(join(root, "dist", "load", "read-assets.js")).href);
const { precompileTemplates } = await import(pathToFileURL(join(root, "dist", "emit", "render-template.js")).href);
writeFileSync(join(root, "dist", "templates.cjs"), precompileTemplates(readAssets().templates));
