import { ts } from "ts-morph";
import type { ChangeKind } from "./classify.js";

const MAX_TEXT = 80;

/** A type as a person reads it in a report line, cut short when long (GitHub's unions run to pages). */
export function typeText(checker: ts.TypeChecker, type: ts.Type): string {
  const text = checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** What a type change did, naming the union members that went or came when that is what happened. */
export function describeTypeChange(
  kind: ChangeKind,
  dropped: string[],
  added: string[],
  oldText: string,
  newText: string,
): string {
  if (dropped.length && !added.length) return `type narrowed: no longer ${dropped.join(" | ")}`;
  if (added.length && !dropped.length) return `type widened: now also ${added.join(" | ")}`;
  const verb = kind === "breaking" ? "changed incompatibly" : "changed";
  return `type ${verb}: ${oldText} → ${newText}`;
}

/** Documentation as the checker sees it: the comment text and the JSDoc tags. */
export function docsOf(checker: ts.TypeChecker, symbol: ts.Symbol): string {
  const comment = ts.displayPartsToString(symbol.getDocumentationComment(checker));
  const tags = symbol.getJsDocTags(checker).map((t) => `@${t.name} ${ts.displayPartsToString(t.text)}`);
  return [comment, ...tags].join("\n");
}

export function isDeprecated(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags(checker).some((t) => t.name === "deprecated");
}
