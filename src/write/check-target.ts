import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import type { FileSet } from "../emit/file-set.js";
import { isWithin, type ProviderJob } from "../load/provider-job.js";
import { isOwnTemporary, type OutputOwner, readOwner } from "./output-owner.js";
import { isUnmanaged } from "./unmanaged.js";

/** What `generate` may do in an output folder. */
export interface TargetPlan {
  /** Why nothing may be written there; empty when the write may go ahead. */
  refusals: Diagnostic[];
  /**
   * What clientgen did not write and keeps where it is (with --force): files, and folders holding
   * no file clientgen wrote (ending in `/`), relative to the output folder.
   */
  foreign: string[];
}

interface TargetOptions {
  /** Generate beside files clientgen did not write, and replace another spec's package. */
  force: boolean;
  /** Absolute paths of every file the output is made from: the spec, the files it `$ref`s, clientgen.yaml. */
  inputs: string[];
  cwd: string;
}

const SHOWN = 5;

/** `a, b, c, d, e and 7 more`. */
export function listSome(items: string[]): string {
  const shown = items.slice(0, SHOWN).join(", ");
  return items.length > SHOWN ? `${shown} and ${items.length - SHOWN} more` : shown;
}

const refusal = (rule: string, message: string, hint: string): Diagnostic => ({
  severity: "error",
  rule,
  message,
  hint,
});

/**
 * Whether `files` may be written to `job.outDir`, before anything is written. clientgen replaces
 * or deletes only files it wrote (its manifest says which, see output-owner.ts). It refuses, even
 * with --force, a folder that is or holds one of its inputs; without --force, a folder holding
 * files it did not write or another spec's package. With --force those files stay where they are,
 * and a file clientgen would write over one of them is still refused.
 */
export function checkTarget(job: ProviderJob, files: FileSet, { force, inputs, cwd }: TargetOptions): TargetPlan {
  const folder = relative(cwd, job.outDir) || ".";
  const inside = (path: string) => relative(cwd, path) || ".";
  const held = [...new Set([job.specPath, ...(job.configPath ? [job.configPath] : []), ...inputs])]
    .filter((input) => isWithin(real(input), real(job.outDir)))
    .map(inside)
    .sort();
  if (held.length)
    return {
      refusals: [
        refusal(
          "out-holds-input",
          `output folder ${folder} holds ${listSome(held)}, which this run reads: generating there would replace ${held.length === 1 ? "it" : "them"}`,
          "choose an output folder that neither is nor contains the spec, the files it $refs or clientgen.yaml (for example a new folder beside the spec); not even --force writes there",
        ),
      ],
      foreign: [],
    };
  const stat = statSync(job.outDir, { throwIfNoEntry: false });
  if (!stat) return { refusals: [], foreign: [] };
  if (!stat.isDirectory())
    return {
      refusals: [
        refusal(
          "out-not-folder",
          `output folder ${folder} is a file, not a folder`,
          "choose a folder (a new one is created)",
        ),
      ],
      foreign: [],
    };
  const owner = readOwner(job.outDir, files);
  const refusals: Diagnostic[] = [];
  if (!force && owner.spec && isAnotherApi(owner.spec, job.specPath))
    refusals.push(
      refusal(
        "out-other-package",
        `output folder ${folder} holds the package generated from ${inside(owner.spec)}, not from ${inside(job.specPath)}`,
        "choose another folder, or pass --force to replace that package (files clientgen did not write there are kept)",
      ),
    );
  const foreign = foreignEntries(job.outDir, owner, job.layout);
  if (!force && foreign.length)
    refusals.push(
      refusal(
        "out-not-generated",
        `output folder ${folder} holds files clientgen did not write: ${listSome(foreign)}`,
        "choose an empty or new folder, or pass --force to generate beside them; clientgen never deletes files it did not write",
      ),
    );
  if (force && foreign.length) refusals.push(...overwrites(job.outDir, files, owner, folder));
  return { refusals, foreign };
}

/** Through symbolic links, so that a link to the spec's folder is seen for what it is. */
const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
};

/**
 * The package was generated from a spec in another folder that is still there: another provider's
 * (specs/<provider>/ holds one API). A spec that moved or was renamed, or a new version of it saved
 * beside the old one, is the same API.
 */
const isAnotherApi = (recorded: string, spec: string): boolean =>
  dirname(resolve(recorded)) !== dirname(resolve(spec)) && existsSync(recorded);

/** What clientgen did not write in `outDir`, a folder holding none of its files given as one entry. */
function foreignEntries(outDir: string, owner: OutputOwner, layout: ProviderJob["layout"]): string[] {
  const foreign: string[] = [];
  // Whether `dir` holds a file clientgen wrote, and any file at all; its foreign entries are added on the way.
  const walk = (dir: string): { own: boolean; any: boolean } => {
    const mine: string[] = [];
    let own = false;
    let any = false;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = relative(outDir, join(dir, entry.name)).split("\\").join("/");
      if (isUnmanaged(entry.name, { topLevel: dir === outDir, isDirectory: entry.isDirectory() }, layout)) continue;
      if (entry.isDirectory()) {
        const before = foreign.length;
        const inner = walk(join(dir, entry.name));
        any ||= inner.any;
        if (inner.own) own = true;
        else if (inner.any) {
          foreign.splice(before);
          mine.push(`${path}/`);
        }
      } else {
        any = true;
        if (owner.wrote(path) || isOwnTemporary(entry.name)) own = true;
        else mine.push(path);
      }
    }
    foreign.push(...mine);
    return { own, any };
  };
  walk(outDir);
  return foreign.sort();
}

/** Files this run would write over (or under) something clientgen did not write: refused even with --force. */
function overwrites(outDir: string, files: FileSet, owner: OutputOwner, folder: string): Diagnostic[] {
  const blocked: string[] = [];
  for (const path of [...files.keys()].sort()) {
    const parts = path.split("/");
    for (let i = 1; i <= parts.length; i++) {
      const at = parts.slice(0, i).join("/");
      const stat = statSync(join(outDir, at), { throwIfNoEntry: false });
      if (!stat) break;
      const isLast = i === parts.length;
      if (isLast ? !owner.wrote(at) || stat.isDirectory() : !stat.isDirectory()) {
        blocked.push(at);
        break;
      }
    }
  }
  if (!blocked.length) return [];
  const unique = [...new Set(blocked)];
  return [
    refusal(
      "out-would-overwrite",
      `output folder ${folder} holds ${listSome(unique)}, which clientgen did not write and would have to replace`,
      "move or rename them, or choose another folder; even with --force clientgen writes only beside files it did not write, never over them",
    ),
  ];
}
