import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

import type { GeneratorAssets, PrecompiledTemplate } from "../generator-assets.js";

export type { GeneratorAssets };

const here = dirname(fileURLToPath(import.meta.url));
const projectRoot = join(here, "..", "..");

function readTree(root: string, keep: (file: string) => boolean): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (keep(entry.name)) out.set(relative(root, path).split("\\").join("/"), readFileSync(path, "utf8"));
    }
  };
  walk(root);
  return out;
}

const isSource = (file: string): boolean => file.endsWith(".ts") && !file.endsWith(".test.ts");

export function readAssets(): GeneratorAssets {
  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
  return {
    runtime: readTree(join(projectRoot, "src", "runtime"), isSource),
    cliRuntime: readTree(join(projectRoot, "src", "runtime-cli"), isSource),
    templates: readTree(join(projectRoot, "templates"), (f) => f.endsWith(".hbs")),
    precompiled: readPrecompiled(),
    version: pkg.version,
  };
}

/** dist/templates.cjs, the templates `npm run build` compiled (see emit/render-template.ts); none under src/. */
function readPrecompiled(): Map<string, PrecompiledTemplate> {
  const file = join(here, "..", "templates.cjs");
  if (!existsSync(file)) return new Map();
  return new Map(Object.entries(createRequire(import.meta.url)(file) as Record<string, PrecompiledTemplate>));
}
