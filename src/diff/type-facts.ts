import { ts } from "ts-morph";
import { isIdentifier } from "../ts-syntax.js";

/** Facts about the checker's types and symbols that the walk in compare-types.ts branches on. */

export function isInside(file: string, dir: string): boolean {
  return file.startsWith(dir.endsWith("/") ? dir : `${dir}/`);
}

export function typeId(t: ts.Type): number {
  return (t as unknown as { id: number }).id;
}

/** A generic's type parameters are the same parameter on both sides when they have the same name. */
export function sameTypeParameter(o: ts.Type, n: ts.Type): boolean {
  return Boolean(o.flags & n.flags & ts.TypeFlags.TypeParameter) && o.symbol?.escapedName === n.symbol?.escapedName;
}

export function isReference(t: ts.Type): t is ts.TypeReference {
  return Boolean(t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference);
}

/** The same generic from outside both packages (Array, Promise, a tuple shape): only the arguments can differ. */
export function sameTarget(o: ts.Type, n: ts.Type): boolean {
  return isReference(o) && isReference(n) && o.target === n.target;
}

/**
 * One generic alias on both sides with its arguments: the same symbol, or one of the package's runtime
 * (`WithRequestID<T>`), copied into both, whose conditional types would not relate across the copies.
 */
export function sameAlias(o: ts.Type, n: ts.Type): boolean {
  const [a, b] = [o.aliasSymbol, n.aliasSymbol];
  return Boolean(
    a && b && (a === b || a.escapedName === b.escapedName) && o.aliasTypeArguments && n.aliasTypeArguments,
  );
}

export function isClass(t: ts.Type): boolean {
  return Boolean(t.symbol && t.symbol.flags & ts.SymbolFlags.Class);
}

/** Instances of one class of the package's runtime, copied into both: its `#private` fields make assignability fail. */
export function sameClass(o: ts.Type, n: ts.Type): boolean {
  return isClass(o) && isClass(n) && o.symbol.escapedName === n.symbol.escapedName;
}

export function isStructured(t: ts.Type): boolean {
  return Boolean(t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection));
}

/**
 * A union's members as written: `InviteStatus | undefined` stays two members (the checker keeps the written
 * form as the union's `origin`), so the named enum is compared once, as itself, not literal by literal.
 */
export function constituents(t: ts.Type): ts.Type[] {
  if (!(t.flags & ts.TypeFlags.Union)) return [t];
  const origin = (t as ts.UnionType & { origin?: ts.Type }).origin;
  return [...(origin && origin.flags & ts.TypeFlags.Union ? (origin as ts.UnionType) : (t as ts.UnionType)).types];
}

export function publicProperties(checker: ts.TypeChecker, t: ts.Type): Map<string, ts.Symbol> {
  const out = new Map<string, ts.Symbol>();
  for (const symbol of checker.getPropertiesOfType(t)) {
    const name = propertyName(symbol);
    if (name === "prototype" || name.startsWith("__#") || isHidden(symbol)) continue;
    out.set(name, symbol);
  }
  return out;
}

/** Symbol-keyed members (`[missing]`) carry the symbol's id in their internal name; the id differs per package. */
function propertyName(symbol: ts.Symbol): string {
  const name = symbol.escapedName as string;
  const unique = /^__@(.+)@\d+$/.exec(name);
  return unique ? `[${unique[1]}]` : name;
}

function isHidden(symbol: ts.Symbol): boolean {
  const decl = symbol.declarations?.[0];
  if (!decl) return false;
  if ((decl as ts.NamedDeclaration).name && ts.isPrivateIdentifier((decl as ts.NamedDeclaration).name!)) return true;
  return Boolean(ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected));
}

/**
 * The type of a property or parameter as written, without the `| undefined` that `?` adds (optionality is
 * compared on its own), so `status?: InviteStatus` is compared as the named `InviteStatus`. Members of an
 * instantiated generic have no written type of their own and keep the checker's.
 */
export function writtenTypeOf(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Type {
  const decl = symbol.valueDeclaration;
  const written =
    !(symbol.flags & ts.SymbolFlags.Transient) &&
    decl &&
    (ts.isPropertySignature(decl) || ts.isPropertyDeclaration(decl) || ts.isParameter(decl))
      ? decl.type
      : undefined;
  return written ? checker.getTypeFromTypeNode(written) : checker.getTypeOfSymbol(symbol);
}

export function isRequired(checker: ts.TypeChecker, param: ts.Symbol): boolean {
  const decl = param.valueDeclaration;
  return !(decl && ts.isParameter(decl) && (checker.isOptionalParameter(decl) || decl.dotDotDotToken));
}

/** A builder's setters are function-typed properties: to the user they are methods. */
export function memberWord(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  if (symbol.flags & ts.SymbolFlags.Method) return "method";
  const type = checker.getNonNullableType(checker.getTypeOfSymbol(symbol));
  return type.getCallSignatures().length && !type.getProperties().length ? "method" : "field";
}

export function memberPath(path: string, name: string): string {
  const key = isIdentifier(name)
    ? `.${name}`
    : /^\[.*\]$/.test(name)
      ? name
      : `[${/^\d+$/.test(name) ? name : JSON.stringify(name)}]`;
  return path ? `${path}${key}` : key.replace(/^\./, "");
}
