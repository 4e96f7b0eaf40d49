/**
 * What the diff knows about generated builders: the setters `.execute()` still waits for are a type
 * argument (`ListOrdersBuilder<"cursor">`), an internal device. Users are told which setters are now
 * needed, not `never → "cursor"`.
 */
import { ts } from "ts-morph";
import type { ChangeKind } from "./classify.js";

const stringLiterals = (t: ts.Type): string[] =>
  (t.flags & ts.TypeFlags.Union ? (t as ts.UnionType).types : [t])
    .filter((m): m is ts.StringLiteralType => Boolean(m.flags & ts.TypeFlags.StringLiteral))
    .map((m) => m.value);

/** The changes between two "setters still to call" type arguments, in the words a builder's user knows. */
export function setterChanges(o: ts.Type, n: ts.Type): Array<{ kind: ChangeKind; message: string }> {
  const [before, after] = [stringLiterals(o), stringLiterals(n)];
  const added = after.filter((s) => !before.includes(s));
  const dropped = before.filter((s) => !after.includes(s));
  const calls = (names: string[]) => names.map((s) => `.${s}(…)`).join(", ");
  return [
    ...(added.length ? [{ kind: "breaking" as const, message: `.execute() now needs ${calls(added)} first` }] : []),
    ...(dropped.length
      ? [{ kind: "compatible" as const, message: `.execute() no longer needs ${calls(dropped)} first` }]
      : []),
  ];
}

/**
 * Which type parameter of a generated builder interface lists the setters still to call: the one it
 * passes on as the runtime `RequestBuilder`'s second type argument (`extends RequestBuilder<R, Missing>`).
 */
export function missingSettersIndex(t: ts.TypeReference): number {
  const decl = t.target.symbol?.declarations?.find(ts.isInterfaceDeclaration);
  for (const base of decl?.heritageClauses?.flatMap((c) => [...c.types]) ?? []) {
    const forwarded = base.typeArguments?.[1];
    if (base.expression.getText() !== "RequestBuilder" || !forwarded || !ts.isTypeReferenceNode(forwarded)) continue;
    return decl!.typeParameters?.findIndex((p) => p.name.text === forwarded.typeName.getText()) ?? -1;
  }
  return -1;
}
