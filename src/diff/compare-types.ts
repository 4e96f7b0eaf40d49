import { ts } from "ts-morph";
import {
  OUT,
  additionKind,
  flip,
  optionalityChangeKind,
  typeChangeKind,
  type ApiChange,
  type ChangeKind,
  type Flow,
} from "./classify.js";
import { missingSettersIndex, setterChanges } from "./builder-setters.js";
import { describeTypeChange, docsOf, isDeprecated, typeText } from "./describe-type.js";
import { namesOf, placeOf, type PublicApi } from "./read-public-api.js";
import {
  constituents,
  isClass,
  isInside,
  isReference,
  isRequired,
  isStructured,
  memberPath,
  memberWord,
  publicProperties,
  sameAlias,
  sameClass,
  sameTarget,
  sameTypeParameter,
  typeId,
  writtenTypeOf,
} from "./type-facts.js";

/** The declarations a change is located at: the old one for what went, the new one for the rest. */
export interface At {
  old?: ts.Node | undefined;
  new?: ts.Node | undefined;
}

export interface WalkContext {
  checker: ts.TypeChecker;
  old: PublicApi;
  new: PublicApi;
  /** A position whose type is the same named export on both sides: that export is compared once, on its own. */
  reach(name: string, flow: Flow): void;
}

interface Step {
  depth: number;
  /** Set where optionality changed: `| undefined` then says nothing more than "made optional" already did. */
  dropUndefined?: boolean;
  /** Compare this named export's own structure instead of deferring to it. */
  top?: boolean;
}

const MAX_DEPTH = 48;

/**
 * Walks an old and a new type side by side: objects member by member, functions parameter by parameter,
 * unions constituent by constituent, and asks the checker about assignability where structure ends.
 * `flow` says which way values move through the position, so the same edit can be breaking in a request and
 * compatible in a response.
 */
export class TypeWalker {
  readonly changes: ApiChange[] = [];
  readonly #seen = new Set<string>();
  readonly #seenDocs = new Map<ts.Symbol, Set<ts.Symbol>>();

  constructor(private readonly ctx: WalkContext) {}

  types(o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At, step: Step = { depth: 0 }): void {
    if (o === n || step.depth > MAX_DEPTH) return;
    const key = `${typeId(o)}:${typeId(n)}:${flow}:${step.dropUndefined ? 1 : 0}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    const next: Step = { depth: step.depth + 1 };
    if (sameTypeParameter(o, n)) return;
    const shared = step.top ? undefined : this.sharedName(o, n);
    if (shared !== undefined) {
      this.typeArguments(o, n, flow, path, at, next);
      if (!isClass(o)) this.ctx.reach(shared, flow);
    } else if (sameClass(o, n)) {
      this.typeArguments(o, n, flow, path, at, next);
      this.members(o, n, flow, path, at, next);
    } else if (sameAlias(o, n)) {
      this.pairwise(o.aliasTypeArguments!, n.aliasTypeArguments!, o, n, flow, path, at, next);
    } else if (sameTarget(o, n)) {
      this.typeArguments(o, n, flow, path, at, next);
    } else if (o.flags & ts.TypeFlags.Union || n.flags & ts.TypeFlags.Union) {
      this.unions(o, n, flow, path, at, { ...next, dropUndefined: step.dropUndefined ?? false });
    } else if (
      o.flags & n.flags & ts.TypeFlags.Intersection &&
      this.intersections(o as ts.IntersectionType, n as ts.IntersectionType, flow, path, at, next)
    ) {
      return;
    } else if (isStructured(o) && isStructured(n) && !this.isForeign(o) && !this.isForeign(n)) {
      this.members(o, n, flow, path, at, next);
    } else {
      this.leaf([o], [n], o, n, flow, path, at);
    }
  }

  /** Properties, call and construct signatures and index signatures of two object types. */
  members(o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At, step: Step): void {
    const { checker } = this.ctx;
    const oldProps = publicProperties(checker, o);
    const newProps = publicProperties(checker, n);
    for (const [name, symbol] of oldProps) {
      if (!newProps.has(name))
        this.add(
          "breaking",
          memberPath(path, name),
          `${memberWord(checker, symbol)} removed`,
          { old: symbol.declarations?.[0] },
          "old",
        );
    }
    for (const [name, symbol] of newProps) {
      const before = oldProps.get(name);
      if (before) this.property(before, symbol, flow, memberPath(path, name), step);
      else {
        const required = !(symbol.flags & ts.SymbolFlags.Optional);
        const kind = additionKind(required, flow);
        this.add(
          kind,
          memberPath(path, name),
          `${kind === "breaking" ? "required " : ""}${memberWord(checker, symbol)} added`,
          { new: symbol.declarations?.[0] },
        );
      }
    }
    this.signatures(
      checker.getSignaturesOfType(o, ts.SignatureKind.Call),
      checker.getSignaturesOfType(n, ts.SignatureKind.Call),
      flow,
      path,
      at,
      step,
    );
    this.signatures(
      checker.getSignaturesOfType(o, ts.SignatureKind.Construct),
      checker.getSignaturesOfType(n, ts.SignatureKind.Construct),
      flow,
      `new ${path}`,
      at,
      step,
    );
    this.indexes(o, n, flow, path, at, step);
  }

  /** Documentation of a symbol both sides share: a change there alone is a patch. */
  docs(o: ts.Symbol, n: ts.Symbol, path: string, at: At): void {
    const { checker } = this.ctx;
    // An inherited member is reached through every class that inherits it: its documentation is reported once.
    const seen = this.#seenDocs.get(o) ?? this.#seenDocs.set(o, new Set()).get(o)!;
    if (seen.has(n)) return;
    seen.add(n);
    if (docsOf(checker, o) === docsOf(checker, n)) return;
    const deprecated = isDeprecated(checker, n) && !isDeprecated(checker, o);
    this.add("none", path, deprecated ? "deprecated" : "documentation changed", at);
  }

  add(kind: ChangeKind, path: string, message: string, at: At, side: "old" | "new" = "new"): void {
    const place =
      side === "old" ? placeOf(this.ctx.old, at.old) : (placeOf(this.ctx.new, at.new) ?? placeOf(this.ctx.old, at.old));
    this.changes.push(place ? { kind, path, message, place } : { kind, path, message });
  }

  private property(o: ts.Symbol, n: ts.Symbol, flow: Flow, path: string, step: Step): void {
    const at: At = { old: o.declarations?.[0], new: n.declarations?.[0] };
    const wasOptional = Boolean(o.flags & ts.SymbolFlags.Optional);
    const isOptional = Boolean(n.flags & ts.SymbolFlags.Optional);
    if (wasOptional !== isOptional)
      this.add(
        optionalityChangeKind(!isOptional, flow),
        path,
        `${memberWord(this.ctx.checker, n)} made ${isOptional ? "optional" : "required"}`,
        at,
      );
    this.docs(o, n, path, at);
    const { checker } = this.ctx;
    this.types(writtenTypeOf(checker, o), writtenTypeOf(checker, n), flow, path, at, {
      depth: step.depth,
      dropUndefined: wasOptional !== isOptional,
    });
  }

  /** Overloads pair up in order; a function's parameters run against its own flow, its result with it. */
  private signatures(
    os: readonly ts.Signature[],
    ns: readonly ts.Signature[],
    flow: Flow,
    path: string,
    at: At,
    step: Step,
  ): void {
    for (let i = 0; i < Math.max(os.length, ns.length); i++) {
      const [o, n] = [os[i], ns[i]];
      if (o && n) this.signature(o, n, flow, path, step);
      else if (o)
        this.add(
          flow & OUT ? "breaking" : "compatible",
          path,
          "call signature removed",
          { old: o.declaration ?? at.old },
          "old",
        );
      else if (n) this.add("compatible", path, "call signature added", { new: n.declaration ?? at.new });
    }
  }

  private signature(o: ts.Signature, n: ts.Signature, flow: Flow, path: string, step: Step): void {
    const { checker } = this.ctx;
    const inward = flip(flow);
    const [op, np] = [o.getParameters(), n.getParameters()];
    for (let i = 0; i < Math.max(op.length, np.length); i++) {
      const [a, b] = [op[i], np[i]];
      const where = `${path}(${(b ?? a)!.escapedName as string})`;
      if (!b)
        this.add(
          flow & OUT ? "breaking" : "compatible",
          where,
          "parameter removed",
          { old: a!.valueDeclaration },
          "old",
        );
      else if (!a)
        this.add(
          additionKind(isRequired(checker, b), inward),
          where,
          `${isRequired(checker, b) ? "required" : "optional"} parameter added`,
          { new: b.valueDeclaration },
        );
      else this.parameter(a, b, inward, where, step);
    }
    const at: At = { old: o.declaration, new: n.declaration };
    this.types(o.getReturnType(), n.getReturnType(), flow, `${path}()`, at, { depth: step.depth });
  }

  private parameter(a: ts.Symbol, b: ts.Symbol, flow: Flow, path: string, step: Step): void {
    const { checker } = this.ctx;
    const at: At = { old: a.valueDeclaration, new: b.valueDeclaration };
    const [was, is] = [isRequired(checker, a), isRequired(checker, b)];
    if (was !== is)
      this.add(optionalityChangeKind(is, flow), path, `parameter made ${is ? "required" : "optional"}`, at);
    this.types(writtenTypeOf(checker, a), writtenTypeOf(checker, b), flow, path, at, {
      depth: step.depth,
      dropUndefined: was !== is,
    });
  }

  private indexes(o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At, step: Step): void {
    const { checker } = this.ctx;
    const [oi, ni] = [checker.getIndexInfosOfType(o), checker.getIndexInfosOfType(n)];
    for (const info of oi) {
      const match = ni.find((i) => i.keyType === info.keyType);
      if (match)
        this.types(
          info.type,
          match.type,
          flow,
          `${path}[key: ${typeText(checker, info.keyType)}]`,
          { old: info.declaration, new: match.declaration },
          step,
        );
      else
        this.add(
          "breaking",
          path,
          `index signature [key: ${typeText(checker, info.keyType)}] removed`,
          { old: info.declaration ?? at.old },
          "old",
        );
    }
    for (const info of ni) {
      if (!oi.some((i) => i.keyType === info.keyType))
        this.add(additionKind(false, flow), path, `index signature [key: ${typeText(checker, info.keyType)}] added`, {
          new: info.declaration ?? at.new,
        });
    }
  }

  /** Constituents pair up by identity (literals and primitives are shared) or by export name; the rest is judged by assignability. */
  private unions(o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At, step: Step): void {
    const drop = (t: ts.Type): boolean => Boolean(step.dropUndefined && t.flags & ts.TypeFlags.Undefined);
    const oldLeft = constituents(o).filter((t) => !drop(t));
    const newLeft = constituents(n).filter((t) => !drop(t));
    for (let i = 0; i < oldLeft.length; i++) {
      const j = newLeft.findIndex((t) => this.counterparts(oldLeft[i]!, t));
      if (j < 0) continue;
      const [a] = oldLeft.splice(i--, 1);
      const [b] = newLeft.splice(j, 1);
      this.types(a!, b!, flow, path, at, step);
    }
    if (!oldLeft.length && !newLeft.length) return;
    const [a, b] = [oldLeft[0]!, newLeft[0]!];
    if (oldLeft.length === 1 && newLeft.length === 1 && isStructured(a) && isStructured(b))
      this.types(a, b, flow, path, at, step);
    else this.leaf(oldLeft, newLeft, o, n, flow, path, at);
  }

  /**
   * `Issue & { extra }` against its new version: when the named parts pair up and one inline part is left on
   * each side, the named parts are compared as themselves and only the inline parts here. Otherwise (false)
   * the caller walks the whole intersection member by member.
   */
  private intersections(
    o: ts.IntersectionType,
    n: ts.IntersectionType,
    flow: Flow,
    path: string,
    at: At,
    step: Step,
  ): boolean {
    if (o.types.length !== n.types.length) return false;
    const pairs: Array<[ts.Type, ts.Type]> = [];
    const newLeft = [...n.types];
    let oldRest: ts.Type[] = [];
    for (const part of o.types) {
      const j = newLeft.findIndex((t) => this.counterparts(part, t));
      if (j < 0) oldRest = [...oldRest, part];
      else pairs.push([part, newLeft.splice(j, 1)[0]!]);
    }
    if (oldRest.length > 1 || newLeft.length !== oldRest.length) return false;
    if (oldRest.length) pairs.push([oldRest[0]!, newLeft[0]!]);
    for (const [a, b] of pairs) this.types(a, b, flow, path, at, step);
    return true;
  }

  /** Where structure ends: the checker decides, in both directions, on the constituents left unmatched. */
  private leaf(oldLeft: ts.Type[], newLeft: ts.Type[], o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At): void {
    const { checker } = this.ctx;
    const dropped = oldLeft.filter((t) => !checker.isTypeAssignableTo(t, n));
    const added = newLeft.filter((t) => !checker.isTypeAssignableTo(t, o));
    const kind = typeChangeKind(!dropped.length, !added.length, flow);
    if (kind === "none") return;
    const union = (o.flags | n.flags) & ts.TypeFlags.Union;
    const text = (types: ts.Type[]): string[] => (union ? types.map((t) => typeText(checker, t)) : []);
    this.add(
      kind,
      path,
      describeTypeChange(kind, text(dropped), text(added), typeText(checker, o), typeText(checker, n)),
      at,
    );
  }

  private typeArguments(o: ts.Type, n: ts.Type, flow: Flow, path: string, at: At, step: Step): void {
    const { checker } = this.ctx;
    if (!isReference(o) || !isReference(n)) return;
    const [oa, na] = [checker.getTypeArguments(o), checker.getTypeArguments(n)];
    const missing = missingSettersIndex(o) === missingSettersIndex(n) ? missingSettersIndex(n) : -1;
    if (missing < 0 || oa.length !== na.length) return this.pairwise(oa, na, o, n, flow, path, at, step);
    this.requiredSetters(oa[missing]!, na[missing]!, path, at);
    const others = (args: readonly ts.Type[]) => args.filter((_, i) => i !== missing);
    this.pairwise(others(oa), others(na), o, n, flow, path, at, step);
  }

  private requiredSetters(o: ts.Type, n: ts.Type, path: string, at: At): void {
    for (const { kind, message } of setterChanges(o, n)) this.add(kind, path, message, at);
  }

  private pairwise(
    oa: readonly ts.Type[],
    na: readonly ts.Type[],
    o: ts.Type,
    n: ts.Type,
    flow: Flow,
    path: string,
    at: At,
    step: Step,
  ): void {
    if (oa.length !== na.length) return this.leaf([o], [n], o, n, flow, path, at);
    for (let i = 0; i < oa.length; i++) this.types(oa[i]!, na[i]!, flow, path, at, step);
  }

  /** A type from outside both packages (the DOM's `Response`): its members are not the package's API. */
  private isForeign(t: ts.Type): boolean {
    const symbol = t.aliasSymbol ?? t.symbol;
    // Only named types: a method of the standard library's Promise, instantiated with the package's types, is walked.
    if (!symbol || !(symbol.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias)))
      return false;
    const file = symbol.declarations?.[0]?.getSourceFile().fileName;
    return file !== undefined && !isInside(file, this.ctx.old.pkg.dir) && !isInside(file, this.ctx.new.pkg.dir);
  }

  /** Whether two union constituents are the same thing in each package, to be compared with each other. */
  private counterparts(o: ts.Type, n: ts.Type): boolean {
    return (
      o === n || sameTypeParameter(o, n) || sameClass(o, n) || sameAlias(o, n) || this.sharedName(o, n) !== undefined
    );
  }

  private sharedName(o: ts.Type, n: ts.Type): string | undefined {
    const newNames = namesOf(this.ctx.new, n);
    return newNames && namesOf(this.ctx.old, o)?.find((name) => newNames.includes(name));
  }
}
