/**
 * What the generator ships with: the runtime copied into every package, and the handlebars templates.
 * Read from disk by load/read-assets.ts and handed to the emitters, which never read files themselves.
 */
export interface GeneratorAssets {
  /** `src/runtime/*.ts` → contents. */
  runtime: Map<string, string>;
  /** `src/runtime-cli/*.ts` → contents: the command-line engine, copied into packages (as src/cli-runtime/) beside the runtime. */
  cliRuntime: Map<string, string>;
  /** `docs/resource.md.hbs` → source. */
  templates: Map<string, string>;
  /** Templates `npm run build` compiled to JavaScript, by the same names; absent when running from src/. */
  precompiled?: ReadonlyMap<string, PrecompiledTemplate>;
  /** The generator's own version, written into package banners' metadata. */
  version: string;
}

/** A template compiled ahead of time, with the source it was compiled from (used only while that is still the source). */
export interface PrecompiledTemplate {
  source: string;
  spec: TemplateSpecification;
}
