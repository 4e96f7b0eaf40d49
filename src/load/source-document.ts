import { createRequire } from "node:module";
import type * as Yaml from "yaml";
import type { Document, LineCounter, Node } from "yaml";
import { codeFrame, jsonPointer, type Diagnostic, type SourceLocation } from "../diagnostics.js";
import { jsonOffsetOf } from "./json-offset.js";

/**
 * The YAML parser, loaded when a YAML file or a source position is first needed: a JSON spec that
 * generates cleanly (GitHub's, Stripe's) never needs it, and loading it is a tenth of a second of start-up.
 * A memo of the module load, keyed by nothing: the load takes no input.
 */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)("yaml") as typeof Yaml);

/** A parsed YAML or JSON file that can say where any JSON pointer sits in its text. */
export interface SourceDocument {
  /** Path as shown to people (relative to the working directory when inside it). */
  file: string;
  absPath: string;
  text: string;
  data: unknown;
  /** Location of the node at `pointer` (or of its nearest existing ancestor). */
  locate(pointer: readonly (string | number)[]): SourceLocation;
  /** A diagnostic pointing at `pointer`, with a code frame and the pointer itself. */
  diagnostic(pointer: readonly (string | number)[], d: Omit<Diagnostic, "location" | "frame">): Diagnostic;
}

interface Positions {
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * Parses `text`. JSON goes through JSON.parse (fast on 13 MB specs) and its positions come from a
 * scan of the text; a YAML file's from a YAML parse done only when a diagnostic needs one.
 */
export function parseSource(
  file: string,
  absPath: string,
  text: string,
): { doc?: SourceDocument; errors: Diagnostic[] } {
  let positions: Positions | undefined;
  const getPositions = (): Positions => {
    if (!positions) {
      const { LineCounter, parseDocument } = yaml();
      const lines = new LineCounter();
      positions = { doc: parseDocument(text, { lineCounter: lines, uniqueKeys: true, strict: false }), lines };
    }
    return positions;
  };
  const trimmed = text.trimStart();
  const json = trimmed.startsWith("{") || trimmed.startsWith("[");
  const locate = (pointer: readonly (string | number)[]): SourceLocation => {
    if (json) return { file, ...linePos(text, jsonOffsetOf(text, pointer)) };
    const { doc, lines } = getPositions();
    const offset = offsetOf(doc.contents as Node | null, pointer);
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const diagnostic: SourceDocument["diagnostic"] = (pointer, d) => {
    const location = locate(pointer);
    return { ...d, location, pointer: jsonPointer(pointer), frame: codeFrame(text, location.line, location.column) };
  };
  if (json) {
    try {
      return { doc: { file, absPath, text, data: JSON.parse(text), locate, diagnostic }, errors: [] };
    } catch (err) {
      return { errors: [jsonSyntaxError(file, text, err)] };
    }
  }
  const { doc } = getPositions();
  if (doc.errors.length > 0) {
    return { errors: doc.errors.map((e) => yamlError(file, text, e.linePos?.[0], e.message)) };
  }
  return { doc: { file, absPath, text, data: doc.toJS({ maxAliasCount: 10_000 }), locate, diagnostic }, errors: [] };
}

/** 1-based line and column of `offset`. */
function linePos(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return { line, column: offset - text.lastIndexOf("\n", offset - 1) };
}

function offsetOf(root: Node | null, pointer: readonly (string | number)[]): number {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let best = root?.range?.[0] ?? 0;
  for (const segment of pointer) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const keyNode = pair.key as Node;
      best = keyNode.range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = item;
    } else break;
  }
  return best;
}

function yamlError(
  file: string,
  text: string,
  pos: { line: number; col: number } | undefined,
  message: string,
): Diagnostic {
  const line = pos?.line ?? 1;
  const column = pos?.col ?? 1;
  return {
    severity: "error",
    rule: "yaml-syntax",
    message: `not valid YAML: ${message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "")}`,
    hint: yamlHint(message),
    location: { file, line, column },
    frame: codeFrame(text, line, column),
  };
}

function jsonSyntaxError(file: string, text: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  const match = /position (\d+)/.exec(message);
  let line = 1;
  let column = 1;
  if (match) {
    const before = text.slice(0, Number(match[1]));
    line = before.split("\n").length;
    column = before.length - before.lastIndexOf("\n");
  }
  return {
    severity: "error",
    rule: "json-syntax",
    message: `not valid JSON: ${message.replace(/^JSON\.parse: /, "")}`,
    hint: "fix the syntax at this position (a trailing comma or a missing quote are the usual causes)",
    location: { file, line, column },
    frame: codeFrame(text, line, column),
  };
}

function yamlHint(message: string): string {
  if (/Tabs are not allowed/i.test(message)) return "indent with spaces: YAML does not allow tabs for indentation";
  if (/keys must be unique/i.test(message))
    return "this key appears twice in the same mapping: remove or rename one of them";
  return "fix the syntax at this position (indentation, a missing colon or quote, or a duplicated key are the usual causes)";
}
