/** Problems found in user input, reported with a location, a hint and the lines around it. */

export type Severity = "error" | "warning";

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

export interface Diagnostic {
  severity: Severity;
  /** Stable kebab-case identifier, e.g. `path-param-missing`. */
  rule: string;
  message: string;
  hint?: string;
  location?: SourceLocation;
  /**
   * Where in the document the finding is, as an RFC 6901 JSON pointer (`/paths/~1jobs/post`): on a
   * minified one-line spec the line and column alone say little.
   */
  pointer?: string;
  /** The lines around `location`, already formatted with line numbers and a caret. */
  frame?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** `["paths", "/jobs", "post"]` → `/paths/~1jobs/post` (RFC 6901). */
export const jsonPointer = (segments: readonly (string | number)[]): string =>
  segments.map((s) => `/${String(s).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/** `/paths/~1jobs/post` → `["paths", "/jobs", "post"]`, the inverse of `jsonPointer`. */
export const pointerSegments = (pointer: string): string[] =>
  pointer === ""
    ? []
    : pointer
        .slice(1)
        .split("/")
        .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));

/** Characters of a line shown around the column; longer lines (minified JSON) are clipped with `…` marks. */
const FRAME_WIDTH = 100;

/**
 * Lines `line-2 .. line+2` of `text` with a caret under `column` (both 1-based). Lines longer than
 * the window are cut to the same columns around `column`, so that a minified one-line spec gives a
 * frame of a hundred characters, not of its whole length, and the caret stays under its character.
 */
export function codeFrame(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const longest = Math.max(...lines.slice(first - 1, last).map((l) => l.length));
  const start = longest <= FRAME_WIDTH ? 0 : Math.max(0, Math.min(column - 1 - FRAME_WIDTH / 2, longest - FRAME_WIDTH));
  const end = start + FRAME_WIDTH;
  const clip = (source: string): string =>
    longest <= FRAME_WIDTH
      ? source
      : source.length === 0
        ? ""
        : `${start > 0 ? "…" : ""}${source.slice(start, end)}${source.length > end ? "…" : ""}`;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    out.push(`${marker} ${String(n).padStart(width)} | ${clip(lines[n - 1] ?? "")}`);
    if (n === line) {
      const offset = Math.max(0, column - 1 - start) + (start > 0 ? 1 : 0);
      out.push(`  ${" ".repeat(width)} | ${" ".repeat(offset)}^`);
    }
  }
  return out.join("\n");
}

export interface FormatOptions {
  color: boolean;
}

export const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

/** `file:line:col error[rule] message`, then the frame and the hint. */
export function formatDiagnostic(d: Diagnostic, { color }: FormatOptions): string {
  const where = d.location ? `${d.location.file}:${d.location.line}:${d.location.column} ` : "";
  const label = paint(color, d.severity === "error" ? 31 : 33, `${d.severity}[${d.rule}]`);
  const parts = [`${where}${label} ${d.message}`];
  if (d.frame) parts.push(d.frame);
  if (d.pointer) parts.push(`  ${paint(color, 2, "at")} ${d.pointer}`);
  if (d.hint) parts.push(`  ${paint(color, 36, "hint:")} ${d.hint}`);
  return parts.join("\n");
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? "";
  const fb = b.location?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
}
