/** What a change to a package's public API means for the code that uses it, and the semver bump that follows. */

export type ChangeKind = "breaking" | "compatible" | "none";
export type Semver = "major" | "minor" | "patch";

/** Where a change is: a file relative to its package's folder, on the old side (removals) or the new one. */
export interface Place {
  side: "old" | "new";
  file: string;
  line: number;
}

export interface ApiChange {
  kind: ChangeKind;
  /** Export and member path, e.g. `Shop.orders.list(params)` or `NewOrder.quantity`. */
  path: string;
  message: string;
  place?: Place;
}

/**
 * Which way values flow through a position, as bits. OUT: the package hands the value to its user
 * (responses, return types; covariant). IN: the user hands it to the package (parameters, request
 * bodies, options; contravariant). A type reached both ways is invariant.
 */
export type Flow = 1 | 2 | 3;
export const OUT: Flow = 1;
export const IN: Flow = 2;

/** A parameter of a function at `flow` runs the other way. */
export function flip(flow: Flow): Flow {
  return (((flow & OUT) << 1) | ((flow & IN) >> 1)) as Flow;
}

export function joinFlows(a: Flow, b: Flow): Flow {
  return (a | b) as Flow;
}

/**
 * A type changed from `old` to `new`, told by the checker's assignability in both directions. A position the
 * user writes to may widen (every old value still fits); one the user reads from may narrow.
 */
export function typeChangeKind(oldFitsNew: boolean, newFitsOld: boolean, flow: Flow): ChangeKind {
  if (oldFitsNew && newFitsOld) return "none";
  if (flow & IN && !oldFitsNew) return "breaking";
  if (flow & OUT && !newFitsOld) return "breaking";
  return "compatible";
}

/**
 * A field or parameter whose optionality changed. Required where the user writes means they must now pass it;
 * optional where the user reads means it may now be missing.
 */
export function optionalityChangeKind(nowRequired: boolean, flow: Flow): ChangeKind {
  if (nowRequired) return flow & IN ? "breaking" : "compatible";
  return flow & OUT ? "breaking" : "compatible";
}

/** An added member is breaking only where the user writes and must now supply it. */
export function additionKind(required: boolean, flow: Flow): ChangeKind {
  return required && flow & IN ? "breaking" : "compatible";
}

export function semverOf(changes: readonly ApiChange[]): Semver {
  if (changes.some((c) => c.kind === "breaking")) return "major";
  if (changes.some((c) => c.kind === "compatible")) return "minor";
  return "patch";
}

const ORDER: Record<ChangeKind, number> = { breaking: 0, compatible: 1, none: 2 };

/** Breaking first, then compatible, then documentation; by path within each; duplicates dropped. */
export function sortChanges(changes: readonly ApiChange[]): ApiChange[] {
  const seen = new Set<string>();
  const unique = changes.filter((c) => {
    const key = `${c.kind}\0${c.path}\0${c.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort(
    (a, b) =>
      ORDER[a.kind] - ORDER[b.kind] ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}
