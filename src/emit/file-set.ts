/** Emitters return files in memory, keyed by path relative to the package folder (POSIX separators). */
export type FileSet = Map<string, string>;

export function mergeFileSets(target: FileSet, ...sources: FileSet[]): FileSet {
  for (const source of sources) for (const [path, contents] of source) target.set(path, contents);
  return target;
}
