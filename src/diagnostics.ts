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
  /** The lines around `location`, already formatted with line numbers and a caret. */
  frame?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error");
}

/** Lines `line-2 .. line+2` of `text` with a caret under `column` (both 1-based). */
export function codeFrame(text: string, line: number, column: number, context = 2): string {
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - context);
  const last = Math.min(lines.length, line + context);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const marker = n === line ? ">" : " ";
    const source = (lines[n - 1] ?? "").slice(0, 200);
    out.push(`${marker} ${String(n).padStart(width)} | ${source}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
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
  if (d.hint) parts.push(`  ${paint(color, 36, "hint:")} ${d.hint}`);
  return parts.join("\n");
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.location?.file ?? "";
  const fb = b.location?.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  return (a.location?.line ?? 0) - (b.location?.line ?? 0) || (a.location?.column ?? 0) - (b.location?.column ?? 0);
}
