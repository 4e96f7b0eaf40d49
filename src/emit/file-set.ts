/** Emitters return files in memory, keyed by path relative to the package folder (POSIX separators). */
export type FileSet = Map<string, string>;

export function mergeFileSets(target: FileSet, ...sources: FileSet[]): FileSet {
  for (const source of sources) for (const [path, contents] of source) target.set(path, contents);
  return target;
}

/** `--layout sources`: what a package's `src/` holds, at the top of the output folder (relative imports stay valid). */
export function onlySources(files: FileSet): FileSet {
  return new Map(
    [...files].filter(([path]) => path.startsWith("src/")).map(([path, text]) => [path.slice("src/".length), text]),
  );
}
