import { semverOf, sortChanges, type ApiChange, type Place, type Semver } from "./classify.js";
import { compareApis } from "./compare-api.js";
import { loadProject } from "./load-project.js";
import { readPackage, type PackageInfo } from "./read-package.js";
import { readPublicApi, type PublicApi } from "./read-public-api.js";

export interface DiffResult {
  changes: ApiChange[];
  semver: Semver;
}

/** Compares the public API of two generated package folders: every change, sorted, and the semver bump it needs. */
export function diffPackages(oldDir: string, newDir: string): DiffResult {
  return diffPairs([[oldDir, newDir]])[0]!;
}

/**
 * Several old/new pairs in one project: the standard library, and a package that appears in several pairs,
 * are parsed and bound once.
 */
export function diffPairs(pairs: ReadonlyArray<readonly [oldDir: string, newDir: string]>): DiffResult[] {
  const packages = new Map<string, PackageInfo>();
  const pkg = (dir: string): PackageInfo => packages.get(dir) ?? packages.set(dir, readPackage(dir)).get(dir)!;
  const read = pairs.map(([o, n]) => [pkg(o), pkg(n)] as const);
  const { program, checker } = loadProject([...packages.values()]);
  const apis = new Map<string, PublicApi>();
  const api = (info: PackageInfo, side: Place["side"]): PublicApi => {
    const key = `${side}:${info.dir}`;
    return apis.get(key) ?? apis.set(key, readPublicApi(info, side, program, checker)).get(key)!;
  };
  return read.map(([o, n]) => {
    const changes = sortChanges(compareApis(checker, api(o, "old"), api(n, "new")));
    return { changes, semver: semverOf(changes) };
  });
}
