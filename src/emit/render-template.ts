import Handlebars from "handlebars";
import type { GeneratorAssets } from "../generator-assets.js";

/**
 * Renders `templates/<name>.hbs`. Strict (a missing field is an error, not an empty string) and
 * unescaped: callers escape for the target format before passing data in.
 */
export function renderTemplate(assets: GeneratorAssets, name: string, data: object): string {
  const source = assets.templates.get(name);
  if (source === undefined) throw new Error(`template ${name} is missing from templates/`);
  let compiled = compiledCache.get(assets)?.get(name);
  if (!compiled) {
    compiled = Handlebars.compile(source, { strict: true, noEscape: true });
    const perAssets = compiledCache.get(assets) ?? new Map();
    perAssets.set(name, compiled);
    compiledCache.set(assets, perAssets);
  }
  return compiled(data);
}

/** Compiled templates hang off the assets object that holds their source, so no state outlives a run. */
const compiledCache = new WeakMap<GeneratorAssets, Map<string, HandlebarsTemplateDelegate>>();
