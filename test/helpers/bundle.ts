/**
 * A module bundled as a browser app would ship it: esbuild, ESM, platform browser, from TypeScript
 * source given as text (imports resolved from `resolveDir`). Minified by default, as bench-bundle
 * measures, so what tree-shaking leaves out is really gone; minifiers keep string literals, which
 * tests look for.
 */
import { build } from "esbuild";

export async function bundleModule(contents: string, resolveDir: string, { minify = true } = {}): Promise<string> {
  const out = await build({
    stdin: { contents, loader: "ts", resolveDir },
    bundle: true,
    minify,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0]!.text;
}
