import { relative } from "node:path";
import { ts } from "ts-morph";
import type { Place } from "./classify.js";
import { DiffInputError, type PackageInfo } from "./read-package.js";

export interface PublicApi {
  pkg: PackageInfo;
  side: Place["side"];
  /** Entry subpath → export name → the declaration's symbol (re-exports followed). */
  entries: Map<string, Map<string, ts.Symbol>>;
  /** Export name → symbol, for every name any entry exports (the first entry wins). */
  byName: Map<string, ts.Symbol>;
  /** Every export name a type is known by, in entry order: how a position's type is matched across packages. */
  typeNames: Map<ts.Type, string[]>;
}

const TYPE_LIKE = ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface | ts.SymbolFlags.Class | ts.SymbolFlags.Enum;

/** The public API of a package: what each entry of its package.json `exports` exports. */
export function readPublicApi(
  pkg: PackageInfo,
  side: Place["side"],
  program: ts.Program,
  checker: ts.TypeChecker,
): PublicApi {
  const api: PublicApi = { pkg, side, entries: new Map(), byName: new Map(), typeNames: new Map() };
  for (const entry of pkg.entries) {
    const source = program.getSourceFile(entry.file);
    const moduleSymbol = source && checker.getSymbolAtLocation(source);
    if (!moduleSymbol)
      throw new DiffInputError(
        `${relative(process.cwd(), entry.file)}: not a module (exports "${entry.subpath}" of ${pkg.name})`,
      );
    const exports = new Map<string, ts.Symbol>();
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const name = exported.escapedName as string;
      exports.set(name, symbol);
      if (!api.byName.has(name)) api.byName.set(name, symbol);
      if (symbol.flags & TYPE_LIKE) nameType(api, checker.getDeclaredTypeOfSymbol(symbol), name);
    }
    api.entries.set(entry.subpath, exports);
  }
  return api;
}

/** Only structured types are named: `type Id = string` must not turn every string into an `Id`. */
function nameType(api: PublicApi, type: ts.Type, name: string): void {
  if (
    !(type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Union | ts.TypeFlags.Intersection)) ||
    type.flags & ts.TypeFlags.Boolean
  )
    return;
  const names = api.typeNames.get(type);
  if (!names) api.typeNames.set(type, [name]);
  else if (!names.includes(name)) names.push(name);
}

/** The export names of a type as written at a position (a generic interface's instances count as it). */
export function namesOf(api: PublicApi, type: ts.Type): string[] | undefined {
  const target = (type as ts.TypeReference).target;
  return api.typeNames.get(type) ?? (target ? api.typeNames.get(target) : undefined);
}

/** File and line of a declaration, relative to its package's folder. */
export function placeOf(api: PublicApi, node: ts.Node | undefined): Place | undefined {
  if (!node) return undefined;
  const source = node.getSourceFile();
  const file = relative(api.pkg.dir, source.fileName);
  if (file.startsWith("..")) return undefined;
  const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
  return { side: api.side, file: file.split("\\").join("/"), line: line + 1 };
}
