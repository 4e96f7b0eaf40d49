import type { Phase } from "../pipeline.js";

/**
 * The line a long generation shows on a terminal while it works: which provider, which phase, how
 * many operations, how long so far. Rewritten in place on stderr; never written off a terminal or
 * with --quiet (reporter.ts decides), so CI logs and pipes get only the summary lines.
 */

export interface ProgressState {
  provider: string;
  /** 1-based position of the provider in the run, and how many there are. */
  index: number;
  total: number;
  phase: Phase;
  /** Known once the model is built. */
  operations?: number;
  /** Time spent on this provider so far. */
  ms: number;
}

const PHASES: readonly Phase[] = ["loading", "checking", "model", "emitting", "types", "writing"];

/** `clientgen: [2/4] github  model (3/6) · 1,112 operations · 2.4 s`, cut to fit `columns`. */
export function renderProgress(state: ProgressState, columns: number): string {
  const count = state.total > 1 ? `[${state.index}/${state.total}] ` : "";
  const step = `${state.phase} (${PHASES.indexOf(state.phase) + 1}/${PHASES.length})`;
  const parts = [`clientgen: ${count}${state.provider}  ${step}`];
  if (state.operations !== undefined)
    parts.push(`${state.operations.toLocaleString("en-US")} operation${state.operations === 1 ? "" : "s"}`);
  parts.push(`${(state.ms / 1000).toFixed(1)} s`);
  const line = parts.join(" · ");
  // One column short of the width: a line that fills it makes some terminals wrap, and then `\r` rewrites only its tail.
  const room = Math.max(columns - 1, 10);
  return line.length <= room ? line : `${line.slice(0, room - 1)}…`;
}

/**
 * What rewrites a progress line of `shown` characters with `line`: back to its start, the new text,
 * and spaces over what is left of the old one. No escape sequences, so NO_COLOR and dumb terminals
 * see plain text too.
 */
export const rewrite = (shown: number, line = ""): string =>
  `\r${line}${" ".repeat(Math.max(shown - line.length, 0))}${line ? "" : "\r"}`;
