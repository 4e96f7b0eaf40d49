import { existsSync, readdirSync, statSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { Diagnostic } from "../diagnostics.js";
import { configBeside } from "../load/provider-job.js";
import type { ProviderJob } from "../load/provider-job.js";
import type { GenerateSession } from "./generate-session.js";
import type { Reporter } from "./reporter.js";

/** Editors save in bursts (write, rename, chmod): wait this long after the last event before regenerating. */
const DEBOUNCE_MS = 120;

/** For `generate --watch` over a specs folder: providers added to it or removed from it while watching. */
export interface ProviderDiscovery {
  /** The specs folder (`specs/`), one provider folder in it per package. */
  root: string;
  /** The providers it holds now, as the first run found them (a folder without a spec is an error). */
  find(): { jobs: ProviderJob[]; errors: Diagnostic[] };
}

/** What a job's output depends on: its inputs as last read, plus the spec and a config that may yet appear. */
function watchedFiles(job: ProviderJob, inputs: string[] | undefined): Set<string> {
  const dir = dirname(job.specPath);
  return new Set([job.specPath, join(dir, "clientgen.yaml"), join(dir, "clientgen.yml"), ...(inputs ?? [])]);
}

const subfolders = (root: string): string[] => {
  try {
    return readdirSync(root, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(root, d.name));
  } catch {
    return [];
  }
};

const inode = (dir: string): number | undefined => statSync(dir, { throwIfNoEntry: false })?.ino;

/**
 * `generate --watch`, after the first run: watches the folders holding each provider's inputs and
 * regenerates only the provider whose spec, referenced file or clientgen.yaml changed, one batch at
 * a time. With `discovery` it also watches the specs folder: a provider folder that gains a spec is
 * generated and watched from then on, one whose spec is gone is no longer watched (its output is
 * left alone). Problems are printed by the run and watching goes on. Ctrl-C (SIGINT) or SIGTERM
 * ends it with exit code 0.
 */
export function watchProviders(
  jobs: ProviderJob[],
  firstInputs: Map<string, string[]>,
  session: GenerateSession,
  out: Reporter,
  discovery?: ProviderDiscovery,
  waiting: Diagnostic[] = [],
): Promise<number> {
  const files = new Map(jobs.map((job) => [job, watchedFiles(job, firstInputs.get(job.outDir))]));
  // A folder deleted and made again is a new inode the old watcher never hears of: keyed by inode, it is watched anew.
  const watchers = new Map<string, { watcher: FSWatcher; ino: number }>();
  const timers = new Map<ProviderJob | "providers", NodeJS.Timeout>();
  // Problems of the specs folder said so far (a folder without a spec yet), so that each is said once while it holds.
  let noted = new Set<string>();
  const note = (problems: Diagnostic[]) => {
    for (const { message, rule } of problems)
      if (!noted.has(message))
        out.note(rule === "spec-missing" ? `${message} yet: it is generated once it has one` : message);
    noted = new Set(problems.map((e) => e.message));
  };
  const rel = (path: string) => relative(process.cwd(), path) || path;
  let queue = Promise.resolve();

  const runBatch = async (batch: ProviderJob[]) => {
    try {
      const outcome = await session.run(batch);
      for (const job of batch) if (files.has(job)) files.set(job, watchedFiles(job, outcome.inputs.get(job.outDir)));
    } catch (err) {
      out.problem(
        `internal error while regenerating ${batch.map((j) => j.provider).join(", ")}: ${err instanceof Error ? err.message : String(err)}`,
      );
      await session.close();
    }
    watchFolders();
  };

  const regenerate = (job: ProviderJob, changed: string) => {
    queue = queue.then(async () => {
      // A spec gone from a specs folder is the provider's removal, which rescan() reports.
      if (!files.has(job) || (discovery && !existsSync(job.specPath))) return;
      out.note(`${rel(changed)} changed: regenerating ${job.provider}`);
      const config = configBeside(job.specPath);
      if (config) job.configPath = config;
      else delete job.configPath;
      await runBatch([job]);
    });
  };

  /** Compares the providers in the specs folder with those watched: new ones are generated, gone ones dropped. */
  const rescan = (found: ProviderDiscovery) => {
    queue = queue.then(async () => {
      const { jobs: now, errors } = found.find();
      const current = new Map([...files.keys()].map((job) => [job.provider, job]));
      const byName = new Map(now.map((job) => [job.provider, job]));
      const added: ProviderJob[] = [];
      for (const [name, job] of current) {
        const replacement = byName.get(name);
        if (replacement?.specPath === job.specPath) continue;
        files.delete(job);
        clearTimeout(timers.get(job));
        timers.delete(job);
        if (replacement) added.push(replacement);
        else out.note(`${rel(job.specPath)} is gone: no longer watching ${name} (${rel(job.outDir)} is left as it is)`);
      }
      for (const [name, job] of byName) if (!current.has(name)) added.push(job);
      note(errors);
      for (const job of added) files.set(job, watchedFiles(job, undefined));
      if (!added.length) return watchFolders();
      out.note(
        `${added.map((job) => rel(job.specPath)).join(", ")} added: generating ${added.map((job) => job.provider).join(", ")}`,
      );
      await runBatch(added);
    });
  };

  const debounce = (key: ProviderJob | "providers", then: () => void) => {
    clearTimeout(timers.get(key));
    timers.set(key, setTimeout(then, DEBOUNCE_MS));
  };

  const onEvent = (dir: string, name: string | null) => {
    if (!name) return;
    const path = join(dir, name);
    for (const [job, watched] of files) if (watched.has(path)) debounce(job, () => regenerate(job, path));
    if (discovery && (dir === discovery.root || dirname(dir) === discovery.root))
      debounce("providers", () => rescan(discovery));
  };

  const watchFolders = () => {
    const wanted = new Set<string>();
    for (const watched of files.values()) for (const file of watched) wanted.add(dirname(file));
    // Every provider folder, so that one without a spec yet is heard when it gets one.
    if (discovery) for (const dir of [discovery.root, ...subfolders(discovery.root)]) wanted.add(dir);
    for (const [dir, { watcher, ino }] of watchers) {
      if (wanted.has(dir) && inode(dir) === ino) continue;
      watcher.close();
      watchers.delete(dir);
    }
    for (const dir of wanted) {
      const ino = inode(dir);
      if (watchers.has(dir) || ino === undefined) continue;
      const watcher = watch(dir, (_event, name) => onEvent(dir, name));
      // A watched folder that is deleted can report an error instead of an event: drop it, the next rescan decides.
      watcher.on("error", () => {
        watcher.close();
        if (watchers.get(dir)?.watcher === watcher) watchers.delete(dir);
      });
      watchers.set(dir, { watcher, ino });
    }
  };

  watchFolders();
  note(waiting);
  const what = jobs.length === 1 ? jobs[0]!.provider : `${jobs.length} providers`;
  out.note(
    `watching ${what}${discovery ? ` and new ones in ${rel(discovery.root)}/` : ""} for changes (Ctrl-C to stop)`,
  );
  return new Promise((resolve) => {
    const stop = () => {
      for (const { watcher } of watchers.values()) watcher.close();
      for (const t of timers.values()) clearTimeout(t);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void queue.then(() => resolve(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
