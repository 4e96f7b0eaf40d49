import type { TypeExpr } from "./type-exprs.js";

/** The runtime's entry module in every package (emit-runtime.ts copies src/runtime/ there). */
export const RUNTIME_MODULE = "runtime/index";
/** The command-line engine's entry module in every package. */
export const CLI_RUNTIME_MODULE = "cli-runtime/index";

/**
 * The imports of one generated file, collected while its code is decided and written at its top.
 * Emitters add a name when they use it (a type expression adds what it refers to), so no file imports
 * what it does not use. Modules are paths under src/ without extension (`runtime/index`,
 * `operations/user`); import lines come in the order their modules were first added, names in the
 * order they were, each once. A module that gives only types is imported with `import type`, its names sorted.
 */
export class Imports {
  readonly #modules = new Map<string, Map<string, "value" | "type">>();
  /** `import * as name from "module"`, by module. */
  readonly #namespaces = new Map<string, string>();

  /** `from` is the module of the file being written (its own names are never imported). */
  constructor(readonly from: string) {}

  value(module: string, ...names: string[]): this {
    for (const name of names) this.#entry(module)?.set(name, "value");
    return this;
  }

  type(module: string, ...names: string[]): this {
    const entry = this.#entry(module);
    for (const name of names) if (entry && !entry.has(name)) entry.set(name, "type");
    return this;
  }

  /** The whole module under one name: `import * as operations from "./operations/index.js"`. */
  namespace(module: string, name: string): this {
    this.#namespaces.set(module, name);
    return this.module(module);
  }

  /** Whatever the expressions refer to, as types. */
  uses(...exprs: (TypeExpr | undefined)[]): this {
    for (const expr of exprs) for (const use of expr?.uses ?? []) this.type(use.module, use.name);
    return this;
  }

  /** The text of a type expression, what it refers to imported. */
  typeText(expr: TypeExpr): string {
    this.uses(expr);
    return expr.text;
  }

  /** Reserves a module's place in the order without importing from it yet. */
  module(module: string): this {
    this.#entry(module);
    return this;
  }

  /** A whole file: `header` (the banner), these imports, one blank line, then `body`. */
  file(header: string, body: string): string {
    const imports = this.text();
    return header + (imports ? imports + body.replace(/^\n*/, "\n") : body.replace(/^\n+/, ""));
  }

  /** The import lines, each ending in a newline. */
  text(): string {
    const lines: string[] = [];
    for (const [module, names] of this.#modules) {
      const namespace = this.#namespaces.get(module);
      if (namespace) lines.push(`import * as ${namespace} from "${relativeModule(this.from, module)}";\n`);
      if (names.size === 0) continue;
      let list = [...names];
      const typesOnly = list.every(([, kind]) => kind === "type");
      if (typesOnly) list = list.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const spec = list.map(([name, kind]) => (kind === "type" && !typesOnly ? `type ${name}` : name)).join(", ");
      lines.push(`import ${typesOnly ? "type " : ""}{ ${spec} } from "${relativeModule(this.from, module)}";\n`);
    }
    return lines.join("");
  }

  #entry(module: string): Map<string, "value" | "type"> | undefined {
    if (module === this.from) return undefined;
    let entry = this.#modules.get(module);
    if (!entry) this.#modules.set(module, (entry = new Map()));
    return entry;
  }
}

/** The import specifier of `module` from the file of module `from`: `../runtime/index.js`. */
export function relativeModule(from: string, module: string): string {
  const depth = from.split("/").length - 1;
  return `${depth === 0 ? "./" : "../".repeat(depth)}${module}.js`;
}
