import Handlebars from "handlebars";
import type { GeneratorAssets } from "../generator-assets.js";

/** How every template is compiled, at run time or ahead of it: strict, unescaped. */
const OPTIONS: CompileOptions = { strict: true, noEscape: true };

/**
 * Renders `templates/<name>.hbs`. Strict (a missing field is an error, not an empty string) and
 * unescaped: callers escape for the target format before passing data in.
 */
export function renderTemplate(assets: GeneratorAssets, name: string, data: object): string {
  const source = assets.templates.get(name);
  if (source === undefined) throw new Error(`template ${name} is missing from templates/`);
  let compiled = compiledCache.get(assets)?.get(source);
  if (!compiled) {
    compiled = compileTemplate(assets, name, source);
    const perAssets = compiledCache.get(assets) ?? new Map();
    perAssets.set(source, compiled);
    compiledCache.set(assets, perAssets);
  }
  return compiled(data);
}

/**
 * Memo of compileTemplate, keyed by the template's source, its whole input (a build's precompiled
 * template is used only when compiled from that very source), under the assets object that holds it,
 * so no state outlives a run and a template changed in the assets is compiled again.
 */
const compiledCache = new WeakMap<GeneratorAssets, Map<string, HandlebarsTemplateDelegate>>();

/**
 * The build's compiled template when it was compiled from this very source (templates/ may have
 * been edited since the last build), else compiled now: compiling the four doc templates took about
 * a tenth of a second of every generation.
 */
function compileTemplate(assets: GeneratorAssets, name: string, source: string): HandlebarsTemplateDelegate {
  const ahead = assets.precompiled?.get(name);
  return ahead && ahead.source === source ? Handlebars.template(ahead.spec) : Handlebars.compile(source, OPTIONS);
}

/**
 * Every template compiled to JavaScript, each beside its source, as a CommonJS module: `npm run build`
 * writes it to dist/templates.cjs, and load/read-assets.ts reads it back as `GeneratorAssets.precompiled`.
 */
export function precompileTemplates(templates: ReadonlyMap<string, string>): string {
  const entries = [...templates].map(
    ([name, source]) =>
      `  ${JSON.stringify(name)}: { source: ${JSON.stringify(source)}, spec: ${String(Handlebars.precompile(source, OPTIONS))} },`,
  );
  return `// Made by \`npm run build\` from templates/ (see src/emit/render-template.ts). Do not edit.\nmodule.exports = {\n${entries.join("\n")}\n};\n`;
}
