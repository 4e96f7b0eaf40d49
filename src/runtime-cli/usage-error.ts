/** A mistake in the command line: reported with a hint, exit code 2, and nothing is sent. */
export class UsageError extends Error {
  override name = "UsageError";
  constructor(
    message: string,
    /** The operation whose `--help` the message points to. */
    readonly command?: string,
  ) {
    super(message);
  }
}

/** The closest of `candidates` to `input` (edit distance, case-insensitive), if it is close enough to be a likely typo. */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(input.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined;
}

/** `; did you mean 'x'?` or nothing. */
export const suggestion = (input: string, candidates: readonly string[]): string => {
  const found = didYouMean(input, candidates);
  return found ? `; did you mean '${found}'?` : "";
};

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++)
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}
