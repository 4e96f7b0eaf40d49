import { existsSync, watch, type FSWatcher } from "node:fs";
import { dirname, join, relative } from "node:path";
import { configBeside } from "../load/provider-job.js";
import type { ProviderJob } from "../load/provider-job.js";
import type { GenerateSession } from "./generate-session.js";
import type { Reporter } from "./reporter.js";

/** Editors save in bursts (write, rename, chmod): wait this long after the last event before regenerating. */
const DEBOUNCE_MS = 120;

/** What a job's output depends on: its inputs as last read, plus the spec and a config that may yet appear. */
function watchedFiles(job: ProviderJob, inputs: string[] | undefined): Set<string> {
  const dir = dirname(job.specPath);
  return new Set([job.specPath, join(dir, "clientgen.yaml"), join(dir, "clientgen.yml"), ...(inputs ?? [])]);
}

/**
 * `generate --watch`, after the first run: watches the folders holding each provider's inputs and
 * regenerates only the provider whose spec, referenced file or clientgen.yaml changed, one batch at
 * a time. Problems are printed by the run and watching goes on. Ctrl-C (SIGINT) or SIGTERM ends it
 * with exit code 0.
 */
export function watchProviders(jobs: ProviderJob[], firstInputs: Map<string, string[]>, session: GenerateSession, out: Reporter): Promise<number> {
  const files = new Map(jobs.map((job) => [job, watchedFiles(job, firstInputs.get(job.outDir))]));
  const watchers = new Map<string, FSWatcher>();
  const timers = new Map<ProviderJob, NodeJS.Timeout>();
  let queue = Promise.resolve();

  const regenerate = (job: ProviderJob, changed: string) => {
    queue = queue.then(async () => {
      out.note(`${relative(process.cwd(), changed) || changed} changed: regenerating ${job.provider}`);
      const config = configBeside(job.specPath);
      if (config) job.configPath = config;
      else delete job.configPath;
      try {
        const outcome = await session.run([job]);
        files.set(job, watchedFiles(job, outcome.inputs.get(job.outDir)));
        watchFolders();
      } catch (err) {
        out.problem(`internal error while regenerating ${job.provider}: ${err instanceof Error ? err.message : String(err)}`);
        await session.close();
      }
    });
  };

  const onEvent = (dir: string, name: string | null) => {
    if (!name) return;
    const path = join(dir, name);
    for (const [job, watched] of files) {
      if (!watched.has(path)) continue;
      clearTimeout(timers.get(job));
      timers.set(job, setTimeout(() => regenerate(job, path), DEBOUNCE_MS));
    }
  };

  const watchFolders = () => {
    for (const watched of files.values()) {
      for (const file of watched) {
        const dir = dirname(file);
        if (watchers.has(dir) || !existsSync(dir)) continue;
        watchers.set(dir, watch(dir, (_event, name) => onEvent(dir, name)));
      }
    }
  };

  watchFolders();
  out.note(`watching ${jobs.length === 1 ? jobs[0]!.provider : `${jobs.length} providers`} for changes (Ctrl-C to stop)`);
  return new Promise((resolve) => {
    const stop = () => {
      for (const w of watchers.values()) w.close();
      for (const t of timers.values()) clearTimeout(t);
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      void queue.then(() => resolve(0));
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
}
