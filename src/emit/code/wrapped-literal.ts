import { propertyKey } from "../../ts-syntax.js";
import { boundedLiteral, INDENT, literal } from "./source-writer.js";

/** The width generated code keeps to, as the project's own formatter does. */
export const LINE_WIDTH = 120;

/** A call inside a literal (`bearer("apiKey")`), whose arguments wrap like any other value. */
export interface CallCode {
  callee: string;
  args: readonly unknown[];
}

/** Code inside a literal, printed as it is: `this.#client`, `(options) => new OpenAICore(options)`. */
export class Code {
  constructor(readonly text: string) {}
}

/** A call inside a literal, as a value: `new Call({ callee: "operation", args: [...] })`. */
export class Call {
  constructor(readonly call: CallCode) {}
}

/** Prints some values itself: code text as it is, or a call; undefined for plain data. */
export type PrintHook = (value: unknown) => string | CallCode | undefined;

/**
 * A JS expression for plain data, laid out as a formatter would at LINE_WIDTH columns: on one line
 * where it fits, else one entry a line, each wrapped the same way. A call's last object argument
 * hugs its parentheses (`operation(operations.listInvites, {`). `indent` is the line's indentation and
 * `used` the columns the rest of the line takes besides the literal (`const x = ` and `;`).
 */
export function wrappedLiteral(value: unknown, hook?: PrintHook, indent = "", used = 0): string {
  const one = flat(value, hook, LINE_WIDTH - indent.length - used);
  if (one !== undefined) return one;
  const custom = own(value, hook);
  if (typeof custom === "string") return custom;
  if (custom) return wrappedCall(custom, hook, indent, used);
  if (Array.isArray(value) || (value !== null && typeof value === "object")) return broken(value, hook, indent);
  // A string longer than the line: nothing to break.
  return flat(value, hook)!;
}

/**
 * A function or method head, `name(a: A, b?: B): R`, with one parameter a line when it would not fit
 * at `indent` followed by ` {`. Lines after the first are relative to the margin (`block` indents them).
 */
export function wrappedHead(name: string, params: readonly string[], returns: string, indent = ""): string {
  const one = `${name}(${params.join(", ")}): ${returns}`;
  if (indent.length + one.length + 2 <= LINE_WIDTH || params.length === 0) return one;
  return `${name}(\n${params.map((p) => `${INDENT}${p},\n`).join("")}): ${returns}`;
}

/** An array or object, one entry a line, whatever its length. */
function broken(value: object, hook: PrintHook | undefined, indent: string): string {
  const inner = indent + INDENT;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return `[\n${value.map((v) => `${inner}${wrappedLiteral(v, hook, inner, 1)},\n`).join("")}${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([k, v]) => {
    const key = `${propertyKey(k)}:`;
    return `${inner}${key}${propertyValue(v, hook, inner, key.length + 2)},\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}

/**
 * What follows `key:` in an object broken one entry a line: ` value` as wrappedLiteral lays it out, but
 * a string too long for that line goes on the next ones, as the formatter puts it: on one line
 * indented under the key, or, longer still, in pieces joined with `+`, a line each.
 */
function propertyValue(value: unknown, hook: PrintHook | undefined, indent: string, used: number): string {
  const text = typeof value === "string" && own(value, hook) === undefined ? literal(value) : undefined;
  if (text === undefined || indent.length + used + text.length <= LINE_WIDTH)
    return ` ${wrappedLiteral(value, hook, indent, used)}`;
  const inner = indent + INDENT;
  // A piece is followed by ` +`, the last one by `,`.
  const pieces =
    inner.length + text.length + 1 <= LINE_WIDTH
      ? [text]
      : stringPieces(value as string, LINE_WIDTH - inner.length - 2).map(literal);
  return `\n${inner}${pieces.join(` +\n${inner}`)}`;
}

/**
 * `text` cut into pieces whose literals take at most `width` columns where it can be: a piece a line
 * (each keeping its line break), a line too long cut after its last space that fits, a word too long
 * where the width ends, never inside a character.
 */
export function stringPieces(text: string, width: number): string[] {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [text];
  return lines.flatMap((line) => {
    // Columns each character takes in a literal, summed as the line is cut: one pass, where asking
    // JSON.stringify of every longer prefix took a quarter of a second over GitHub's descriptions.
    const chars = [...line];
    const columns = chars.map(columnsOf);
    const pieces: string[] = [];
    for (let start = 0; start < chars.length; ) {
      let end = start;
      for (let used = 2; end < chars.length && used + columns[end]! <= width; ) used += columns[end++]!;
      if (end === chars.length) {
        pieces.push(chars.slice(start).join(""));
        break;
      }
      end = Math.max(end, start + 1);
      const space = chars.lastIndexOf(" ", end - 1);
      const cut = space >= start ? space + 1 : end;
      pieces.push(chars.slice(start, cut).join(""));
      start = cut;
    }
    return pieces;
  });
}

/** Columns a character takes inside a string literal: one, unless JSON.stringify escapes it (or it is a pair). */
const columnsOf = (char: string): number =>
  /["\\\u0000-\u001f\ud800-\udfff]/.test(char) ? literal(char).length - 2 : 1;

function wrappedCall(call: CallCode, hook: PrintHook | undefined, indent: string, used: number): string {
  const last = call.args[call.args.length - 1];
  const hugs = last !== null && typeof last === "object" && own(last, hook) === undefined;
  if (hugs) {
    const head = `${call.callee}(${call.args
      .slice(0, -1)
      .map((a) => `${flat(a, hook) ?? ""}, `)
      .join("")}`;
    if (indent.length + used + head.length + 1 <= LINE_WIDTH) return `${head}${broken(last, hook, indent)})`;
  }
  const inner = indent + INDENT;
  return `${call.callee}(\n${call.args.map((a) => `${inner}${wrappedLiteral(a, hook, inner, 1)},\n`).join("")}${indent})`;
}

/** The one-line form, `{ a: 1, b: [2, 3] }`, with calls on one line too; undefined when longer than `budget`. */
function flat(value: unknown, hook: PrintHook | undefined, budget = Number.POSITIVE_INFINITY): string | undefined {
  let over = false;
  const text = boundedLiteral(
    value,
    (v) => {
      const custom = own(v, hook);
      if (typeof custom !== "object") return custom;
      const args = custom.args.map((a) => flat(a, hook, budget));
      over ||= args.includes(undefined);
      return `${custom.callee}(${args.join(", ")})`;
    },
    budget,
  );
  return over ? undefined : text;
}

const own = (value: unknown, hook: PrintHook | undefined): string | CallCode | undefined =>
  value instanceof Code ? value.text : value instanceof Call ? value.call : hook?.(value);
