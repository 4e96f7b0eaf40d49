import { ts } from "ts-morph";
import { OUT, joinFlows, type ApiChange, type Flow } from "./classify.js";
import { TypeWalker, type WalkContext } from "./compare-types.js";
import { namesOf, placeOf, type PublicApi } from "./read-public-api.js";

const TYPE_ONLY = ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface;

interface Unit {
  flow: Flow;
  compared?: Flow;
  changes: ApiChange[];
}

/**
 * Every change between two packages' public APIs. Values (classes, functions, constants) are compared from
 * the user's side; each named type is compared once, in the direction values flow through the positions that
 * use it (a type only the package returns may narrow, one the user passes in may widen). A type no position
 * uses is compared as data the user reads.
 */
export function compareApis(checker: ts.TypeChecker, oldApi: PublicApi, newApi: PublicApi): ApiChange[] {
  const units = new Map<string, Unit>();
  const queue: string[] = [];
  const ctx: WalkContext = {
    checker,
    old: oldApi,
    new: newApi,
    reach(name, flow) {
      const unit = units.get(name);
      if (!unit) units.set(name, { flow, changes: [] });
      else if (joinFlows(unit.flow, flow) !== unit.flow) unit.flow = joinFlows(unit.flow, flow);
      else return;
      queue.push(name);
    },
  };
  const changes = [...exportChanges(oldApi, newApi), ...compareValues(ctx)];
  const drain = (): void => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) compareUnit(ctx, name, units.get(name)!);
  };
  drain();
  for (const name of sharedNames(oldApi, newApi)) {
    if (oldApi.byName.get(name)!.flags & TYPE_ONLY && !units.has(canonicalName(ctx, name))) ctx.reach(name, OUT);
  }
  drain();
  for (const unit of units.values()) changes.push(...unit.changes);
  return withoutDerivedDocs(changes);
}

/**
 * Much of a generated symbol's documentation is written from its shape: a builder's list of setters,
 * an `@example` that calls it. When the shape changed, that change is reported where it happened, and
 * "documentation changed" on the symbol or a symbol holding it says nothing more.
 */
function withoutDerivedDocs(changes: ApiChange[]): ApiChange[] {
  const changed = changes.filter((c) => c.kind !== "none").map((c) => c.path);
  const holds = (outer: string, inner: string) =>
    inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}(`);
  return changes.filter((c) => c.message !== "documentation changed" || !changed.some((path) => holds(c.path, path)));
}

/** A named type, compared again from scratch whenever a new use widens the directions it is reached in. */
function compareUnit(ctx: WalkContext, name: string, unit: Unit): void {
  if (unit.compared === unit.flow) return;
  unit.compared = unit.flow;
  const [o, n] = [ctx.old.byName.get(name)!, ctx.new.byName.get(name)!];
  const walker = new TypeWalker(ctx);
  const at = { old: o.declarations?.[0], new: n.declarations?.[0] };
  walker.docs(o, n, name, at);
  walker.types(ctx.checker.getDeclaredTypeOfSymbol(o), ctx.checker.getDeclaredTypeOfSymbol(n), unit.flow, name, at, {
    depth: 0,
    top: true,
  });
  unit.changes = walker.changes;
}

/** Classes (constructor, statics, instance members), functions and constants, as the user calls and reads them. */
function compareValues(ctx: WalkContext): ApiChange[] {
  const walker = new TypeWalker(ctx);
  const done = new Map<ts.Symbol, ts.Symbol[]>();
  const { checker } = ctx;
  // `default` last, so a class exported both ways is reported under its own name.
  const names = sharedNames(ctx.old, ctx.new).sort((a, b) => Number(a === "default") - Number(b === "default"));
  for (const name of names) {
    const [o, n] = [ctx.old.byName.get(name)!, ctx.new.byName.get(name)!];
    if (done.get(o)?.includes(n)) continue;
    done.set(o, [...(done.get(o) ?? []), n]);
    const at = { old: o.declarations?.[0], new: n.declarations?.[0] };
    const [wasValue, isValue] = [Boolean(o.flags & ts.SymbolFlags.Value), Boolean(n.flags & ts.SymbolFlags.Value)];
    if (wasValue && !isValue) walker.add("breaking", name, "no longer a value (now a type only)", at);
    if (!wasValue || !isValue) continue;
    if (!(o.flags & TYPE_ONLY)) walker.docs(o, n, name, at);
    walker.members(checker.getTypeOfSymbol(o), checker.getTypeOfSymbol(n), OUT, name, at, { depth: 0 });
    if (o.flags & n.flags & ts.SymbolFlags.Class) {
      walker.members(checker.getDeclaredTypeOfSymbol(o), checker.getDeclaredTypeOfSymbol(n), OUT, name, at, {
        depth: 0,
      });
    }
  }
  return walker.changes;
}

/** Exports and entry points that came or went; an export in several entries is one line naming them. */
function exportChanges(oldApi: PublicApi, newApi: PublicApi): ApiChange[] {
  const changes: ApiChange[] = [];
  for (const [side, from, to] of [
    ["old", oldApi, newApi],
    ["new", newApi, oldApi],
  ] as const) {
    const gone = new Map<string, string[]>();
    for (const [subpath, exports] of from.entries) {
      const other = to.entries.get(subpath);
      if (!other)
        changes.push({
          kind: side === "old" ? "breaking" : "compatible",
          path: subpath,
          message: `entry point ${side === "old" ? "removed" : "added"}`,
        });
      for (const name of exports.keys())
        if (other && !other.has(name)) gone.set(name, [...(gone.get(name) ?? []), subpath]);
    }
    for (const [name, subpaths] of gone) {
      const where = subpaths.length === from.entries.size ? "" : ` (${subpaths.map((s) => `"${s}"`).join(", ")})`;
      const place = placeOf(from, from.entries.get(subpaths[0]!)!.get(name)!.declarations?.[0]);
      const change: ApiChange = {
        kind: side === "old" ? "breaking" : "compatible",
        path: name,
        message: `export ${side === "old" ? "removed" : "added"}${where}`,
      };
      changes.push(place ? { ...change, place } : change);
    }
  }
  return changes;
}

/**
 * The name a type is compared under when several exports alias it (`CreateOrderResponse = Order`): the first
 * name both packages give it, as positions that use it are matched.
 */
function canonicalName(ctx: WalkContext, name: string): string {
  const [o, n] = [ctx.old.byName.get(name)!, ctx.new.byName.get(name)!];
  const newNames = namesOf(ctx.new, ctx.checker.getDeclaredTypeOfSymbol(n));
  return (
    (newNames && namesOf(ctx.old, ctx.checker.getDeclaredTypeOfSymbol(o))?.find((other) => newNames.includes(other))) ??
    name
  );
}

function sharedNames(oldApi: PublicApi, newApi: PublicApi): string[] {
  return [...newApi.byName.keys()].filter((name) => oldApi.byName.has(name));
}
