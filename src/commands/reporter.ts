import { compareDiagnostics, formatDiagnostic, paint, type Diagnostic } from "../diagnostics.js";
import type { OnPhase } from "../pipeline.js";
import { renderProgress, rewrite, type ProgressState } from "./progress.js";

/** Where a reporter writes: stderr, or a stand-in in tests. */
export interface ReportStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export type ProviderStatus =
  | "written"
  | "unchanged"
  | "skipped"
  | "failed"
  | "refused"
  | "not written"
  | "up to date"
  | "stale"
  | "ok";

/** One provider's line in a command's output. */
export interface ProviderLine {
  provider: string;
  status: ProviderStatus;
  operations: number;
  ms: number;
  /** `3 added, 1 changed`, `inputs unchanged`, `2 errors`… */
  detail?: string;
}

const COLOURS: Record<ProviderStatus, number> = {
  written: 32,
  unchanged: 2,
  skipped: 2,
  "up to date": 2,
  ok: 32,
  failed: 31,
  refused: 31,
  "not written": 33,
  stale: 31,
};
const MAX_WARNINGS_SHOWN = 20;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Everything a command prints about its work, on stderr: colour only on a terminal, little with --quiet,
 * and on a terminal a progress line rewritten in place, cleared before anything else is printed.
 */
export class Reporter {
  /** Length of the progress line on the screen (0: none): the next output erases it first. */
  private shown = 0;

  constructor(
    readonly color: boolean,
    readonly quiet: boolean,
    private readonly stream: ReportStream = process.stderr,
  ) {}

  private write(text: string): void {
    if (this.shown) {
      this.stream.write(rewrite(this.shown));
      this.shown = 0;
    }
    if (text) this.stream.write(text);
  }

  /** Where a provider is: shown only on a terminal and without --quiet. */
  progress(state: ProgressState): void {
    if (this.quiet || !this.stream.isTTY) return;
    const line = renderProgress(state, this.stream.columns || 80);
    this.stream.write(rewrite(this.shown, line));
    this.shown = line.length;
  }

  /** The progress of one provider of `total` (`index` counts from 0), timed from `started`, for the pipeline to call. */
  phases(provider: string, index: number, total: number, started = performance.now()): OnPhase {
    return (phase, operations) =>
      this.progress({
        provider,
        index: index + 1,
        total,
        phase,
        ms: performance.now() - started,
        ...(operations === undefined ? {} : { operations }),
      });
  }

  /** Takes the progress line away (the run ended without printing anything after it). */
  endProgress(): void {
    this.write("");
  }

  /** Errors always; warnings unless --quiet, the first 20 unless `all`. */
  diagnostics(list: Diagnostic[], { all = false } = {}): void {
    const errors = list.filter((d) => d.severity === "error");
    const warnings = this.quiet ? [] : list.filter((d) => d.severity === "warning");
    const shown = all ? warnings : warnings.slice(0, MAX_WARNINGS_SHOWN);
    for (const d of [...errors, ...shown].sort(compareDiagnostics))
      this.write(`${formatDiagnostic(d, { color: this.color })}\n\n`);
    if (shown.length < warnings.length)
      this.write(`… and ${warnings.length - shown.length} more warnings ('clientgen lint' lists them all)\n`);
  }

  /** `  openai   4 operations  written    0.31 s  12 added`, names aligned. */
  providers(lines: ProviderLine[]): void {
    if (this.quiet) return;
    const width = Math.max(...lines.map((l) => l.provider.length));
    const opsWidth = Math.max(...lines.map((l) => String(l.operations).length));
    for (const l of lines) {
      const ops =
        l.status === "failed"
          ? " ".repeat(opsWidth + 11)
          : `${String(l.operations).padStart(opsWidth)} ${l.operations === 1 ? "operation " : "operations"}`;
      const status = paint(this.color, COLOURS[l.status], l.status.padEnd(11));
      this.write(
        `  ${l.provider.padEnd(width)}  ${ops}  ${status} ${seconds(l.ms).padStart(7)}${l.detail ? `  ${l.detail}` : ""}\n`,
      );
    }
  }

  /** `clientgen: 4 providers in 0.45 s: 1 written, 3 skipped`. */
  summary(lines: ProviderLine[], ms: number): void {
    if (this.quiet || lines.length === 0) return;
    const counts = new Map<ProviderStatus, number>();
    for (const l of lines) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
    const parts = [...counts].map(([status, n]) => `${n} ${status}`);
    this.write(`clientgen: ${plural(lines.length, "provider")} in ${seconds(ms)}: ${parts.join(", ")}\n`);
  }

  /** A sentence about the run; not shown with --quiet. */
  note(message: string): void {
    if (!this.quiet) this.write(`clientgen: ${message}\n`);
  }

  /** Lines of guidance as they are (next steps); not shown with --quiet. */
  block(text: string): void {
    if (!this.quiet) this.write(text.endsWith("\n") ? text : `${text}\n`);
  }

  /** A sentence about something that went wrong; always shown. */
  problem(message: string): void {
    this.write(`clientgen: ${paint(this.color, 31, message)}\n`);
  }
}

export const describeErrors = (diagnostics: Diagnostic[]): string =>
  plural(diagnostics.filter((d) => d.severity === "error").length, "error");
