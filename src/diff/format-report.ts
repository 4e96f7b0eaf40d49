import type { ApiChange, Place } from "./classify.js";
import type { DiffResult } from "./diff-packages.js";

/** How the report names each side's folder: as given on the command line, or `ref:path` for a git base. */
export interface SideLabels {
  old: string;
  new: string;
}

const MAX_PATH_COLUMN = 48;

/** One line a change (kind, path, what, where), a count, and `semver: …` as the last line. */
export function formatReport(result: DiffResult, labels: SideLabels): string {
  const { changes } = result;
  const pathWidth = Math.min(MAX_PATH_COLUMN, Math.max(0, ...changes.map((c) => c.path.length)));
  const lines = changes.map(
    (c) =>
      `${c.kind.padEnd(10)}  ${c.path.padEnd(pathWidth)}  ${c.message}${c.place ? `  (${placeText(c.place, labels)})` : ""}`,
  );
  if (lines.length) lines.push("");
  lines.push(summary(changes), `semver: ${result.semver}`);
  return `${lines.join("\n")}\n`;
}

/** The same, for tools: `{ semver, changes: [{ kind, path, message, place }] }`. */
export function formatJson(result: DiffResult, labels: SideLabels): string {
  const changes = result.changes.map((c) => ({ ...c, place: c.place && placeText(c.place, labels) }));
  return `${JSON.stringify({ semver: result.semver, changes }, null, 2)}\n`;
}

function placeText(place: Place, labels: SideLabels): string {
  const base = labels[place.side];
  return `${base}${base.endsWith("/") || base.endsWith(":") ? "" : "/"}${place.file}:${place.line}`;
}

function summary(changes: readonly ApiChange[]): string {
  if (!changes.length) return "no changes to the public API";
  const count = (kind: ApiChange["kind"]): number => changes.filter((c) => c.kind === kind).length;
  return `${changes.length} change${changes.length === 1 ? "" : "s"}: ${count("breaking")} breaking, ${count("compatible")} compatible, ${count("none")} documentation only`;
}
