import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import type { FileSet } from "../../src/emit/file-set.js";
import { STAMP_FILE } from "../../src/write/input-stamp.js";
import { MANIFEST_FILE, readManifest } from "../../src/write/manifest.js";
import { writeOutput } from "../../src/write/write-output.js";
import { projectRoot } from "../helpers/generate.js";

/**
 * `clientgen generate` killed with SIGKILL in the middle of writing a large package (over 200 files):
 * a preload (kill-at-step.mjs) counts every file-system change the write makes under the output folder
 * and kills the process at change number K, for K spread over the file writes and at each of the last
 * changes (the two renames of the swap and the clean-up). After each kill the package on disk must be entirely the old one or
 * entirely the new one, never a mix (the one gap between the two renames leaves no package but the
 * whole old one beside it, which the next run puts back); and the next run must write the new package
 * exactly and leave no temporary folder behind.
 */
const exec = promisify(execFile);
// The bin as users run it (dist/, built by the test set-up): the preload reaches it in this one process,
// and it starts several times faster than the sources through tsx, which matters over twenty runs.
const cli = join(projectRoot, "bin", "clientgen.js");
const preload = join(projectRoot, "test", "write", "kill-at-step.mjs");
const work = mkdtempSync(join(tmpdir(), "clientgen-kill-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A spec with `tags` resources of three operations each; `version` changes every description. */
function spec(tags: number[], version: string): string {
  const paths: Record<string, unknown> = {};
  for (const t of tags) {
    const item = {
      type: "object",
      properties: { id: { type: "string" }, note: { type: "string", description: `note ${version}` } },
    };
    const ok = { "200": { description: `ok ${version}`, content: { "application/json": { schema: item } } } };
    paths[`/things${t}`] = {
      get: {
        operationId: `listThings${t}`,
        tags: [`things${t}`],
        description: `List ${t} (${version})`,
        responses: ok,
      },
      post: {
        operationId: `createThing${t}`,
        tags: [`things${t}`],
        description: `Create ${t} (${version})`,
        requestBody: { content: { "application/json": { schema: item } } },
        responses: ok,
      },
    };
    paths[`/things${t}/{id}`] = {
      get: {
        operationId: `getThing${t}`,
        tags: [`things${t}`],
        description: `Get ${t} (${version})`,
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }],
        responses: ok,
      },
    };
  }
  return JSON.stringify({ openapi: "3.0.3", info: { title: "Things", version: "1.0.0" }, paths }, null, 2);
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

/**
 * Every file under `dir` (temporary swap folders are beside it, not inside), less the input stamp
 * and the manifest: they record a run rather than belonging to the package, and the in-process next
 * run writes neither (the manifest is checked on its own: it must list exactly the files beside it).
 */
function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (!(d === dir && (e.name === STAMP_FILE || e.name === MANIFEST_FILE)))
        out.set(relative(dir, p).split("\\").join("/"), readFileSync(p, "utf8"));
    }
  };
  walk(dir);
  return out;
}

const same = (a: Map<string, string>, b: FileSet): boolean =>
  a.size === b.size && [...b].every(([path, text]) => a.get(path) === text);

async function generateKilledAt(
  step: number,
  specPath: string,
  outDir: string,
  countFile = "",
  extra: string[] = [],
): Promise<number | string | null> {
  const env = {
    ...process.env,
    NO_COLOR: "1",
    CLIENTGEN_KILL_ROOT: work,
    CLIENTGEN_KILL_AT: String(step),
    CLIENTGEN_KILL_COUNT: countFile,
  };
  try {
    await exec(
      process.execPath,
      ["--import", pathToFileURL(preload).href, cli, "generate", "--spec", specPath, "--out", outDir, ...extra],
      { cwd: work, env },
    );
    return 0;
  } catch (err) {
    const e = err as { code?: number; signal?: string };
    return e.signal ?? e.code ?? null;
  }
}

describe("SIGKILL during a large write", () => {
  it("leaves each package entirely old or entirely new, and the next run clean", async () => {
    const oldSpec = join(work, "old.json");
    const newSpec = join(work, "new.json");
    writeFileSync(oldSpec, spec(range(0, 50), "v1"));
    writeFileSync(newSpec, spec(range(3, 53), "v2"));
    // The old package, written by the CLI (banners name the spec as the CLI sees it).
    const pristine = join(work, "pristine");
    expect(await generateKilledAt(0, oldSpec, join(pristine, "things"))).toBe(0);
    const oldFiles: FileSet = readTree(join(pristine, "things"));
    expect(oldFiles.size).toBeGreaterThan(200);

    // A run that is not killed: the new package, and how many changes its write makes.
    const outDir = join(work, "out", "things");
    cpSync(pristine, join(work, "out"), { recursive: true });
    const countFile = join(work, "count");
    expect(await generateKilledAt(0, newSpec, outDir, countFile)).toBe(0);
    const steps = Number(readFileSync(countFile, "utf8"));
    const newFiles: FileSet = readTree(outDir);
    expect(same(newFiles, oldFiles)).toBe(false);
    expect(steps).toBeGreaterThan(newFiles.size);

    // A quarter, half and three quarters through the file writes, then each of the last changes
    // (the two renames of the swap and the clean-up); two kills at a time, each in its own folder.
    const points = [
      ...new Set([
        1,
        ...[0.25, 0.5, 0.75].map((f) => Math.round(steps * f)),
        ...range(Math.max(1, steps - 3), steps + 1),
      ]),
    ];
    const outcomes: string[] = [];
    for (let i = 0; i < points.length; i += 2)
      outcomes.push(...(await Promise.all(points.slice(i, i + 2).map((point) => killAndRecover(point)))));
    expect(outcomes).toContain("old");
    expect(outcomes).toContain("new");

    async function killAndRecover(point: number): Promise<string> {
      const parent = join(work, "runs", String(point));
      const dir = join(parent, "things");
      cpSync(pristine, parent, { recursive: true });
      expect(await generateKilledAt(point, newSpec, dir), `kill at change ${point}`).toBe("SIGKILL");
      const onDisk = readTree(dir);
      const outcome = same(onDisk, oldFiles) ? "old" : same(onDisk, newFiles) ? "new" : "between";
      // Swapped in with the files it lists: never a manifest of the other package.
      if (outcome !== "between")
        expect(readManifest(dir)?.files, `manifest after a kill at change ${point}`).toEqual([...onDisk.keys()].sort());
      if (outcome === "between") {
        // Only between the two renames: no package, and the whole old one kept beside it.
        expect(onDisk.size, `kill at change ${point}: a mix of old and new`).toBe(0);
        const kept = readdirSync(parent).filter((e) => e.startsWith(".clientgen-old-things-"));
        expect(kept).toHaveLength(1);
        expect(same(readTree(join(parent, kept[0]!)), oldFiles)).toBe(true);
      }
      // The next run: the new package exactly, nothing temporary left.
      writeOutput(dir, newFiles);
      expect(same(readTree(dir), newFiles), `next run after a kill at change ${point}`).toBe(true);
      expect(readdirSync(parent)).toEqual(["things"]);
      return outcome;
    }
  }, 600_000);

  it("with --force beside files clientgen did not write: they survive every kill, and every generated file stays accounted for", async () => {
    // Smaller than above: what matters here is each phase of the update, not the number of files.
    const oldSpec = join(work, "old-small.json");
    const newSpec = join(work, "new-small.json");
    writeFileSync(oldSpec, spec(range(0, 10), "v1"));
    writeFileSync(newSpec, spec(range(3, 13), "v2"));
    const pristine = join(work, "pristine-mixed");
    expect(await generateKilledAt(0, oldSpec, join(pristine, "things"))).toBe(0);
    const mine = new Map([
      ["NOTES.md", "my notes\n"],
      ["lib/extra.ts", "export const mine = 1;\n"],
    ]);
    for (const [path, text] of mine) {
      mkdirSync(dirname(join(pristine, "things", path)), { recursive: true });
      writeFileSync(join(pristine, "things", path), text);
    }
    const countFile = join(work, "count-mixed");
    cpSync(pristine, join(work, "mixed-out"), { recursive: true });
    const outDir = join(work, "mixed-out", "things");
    expect(await generateKilledAt(0, newSpec, outDir, countFile, ["--force"])).toBe(0);
    const steps = Number(readFileSync(countFile, "utf8"));
    const after = readTree(outDir);
    for (const [path, text] of mine) expect(after.get(path)).toBe(text);
    // The manifest written first, half the files, the removals near the end, the last manifest.
    const points = [1, Math.round(steps / 2), steps - 3, steps];
    for (const point of points) {
      const parent = join(work, "mixed-runs", String(point));
      const dir = join(parent, "things");
      cpSync(pristine, parent, { recursive: true });
      expect(await generateKilledAt(point, newSpec, dir, "", ["--force"]), `kill at change ${point}`).toBe("SIGKILL");
      const onDisk = readTree(dir);
      for (const [path, text] of mine) expect(onDisk.get(path), `${path} after a kill at change ${point}`).toBe(text);
      // Whatever is on disk and not the user's is listed in the manifest: the next run may finish the job.
      const listed = new Set(readManifest(dir)?.files);
      const unlisted = [...onDisk.keys()].filter(
        (p) => !mine.has(p) && !listed.has(p) && !p.includes(".clientgen-tmp-"),
      );
      expect(unlisted, `kill at change ${point}`).toEqual([]);
      expect(await generateKilledAt(0, newSpec, dir, "", ["--force"]), `next run after ${point}`).toBe(0);
      expect(readTree(dir), `next run after a kill at change ${point}`).toEqual(after);
      expect(readdirSync(parent)).toEqual(["things"]);
    }
  }, 600_000);
});
