import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findProviders } from "../src/load/find-providers.js";
import { readAssets } from "../src/load/read-assets.js";
import { generateProvider } from "../src/pipeline.js";
import { compareOutput } from "../src/write/compare-output.js";
import { projectRoot } from "./helpers/generate.js";

/** generated/ is the snapshot: regenerating in memory must reproduce it byte for byte. */
describe("generated/ snapshot", () => {
  const { jobs } = findProviders("specs", "generated", [], projectRoot);
  const providers = readdirSync(join(projectRoot, "specs"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it("has a job for every folder under specs/", () => {
    expect(jobs.map((j) => j.provider).sort()).toEqual(providers.sort());
    expect(providers).toEqual(expect.arrayContaining(["cloudflare", "konnect", "openai", "trieve"]));
  });

  it.each(jobs.map((j) => [j.provider, j] as const))(
    "%s matches a fresh generation, and a second run gives the same bytes",
    async (_name, job) => {
      const assets = readAssets();
      const first = await generateProvider(job, assets, projectRoot);
      const second = await generateProvider(job, assets, projectRoot);
      expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect([...second.files!]).toEqual([...first.files!]);
      expect(compareOutput(job.outDir, first.files!)).toEqual({ added: [], changed: [], removed: [] });
    },
  );

  it("ends every generated file, of every kind, with a newline", () => {
    const files = readdirSync(join(projectRoot, "generated"), { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name));
    const kinds = new Set(files.map((f) => f.slice(f.lastIndexOf(".") + 1)));
    expect([...kinds]).toEqual(expect.arrayContaining(["ts", "md", "json", "gitignore"]));
    expect(files.filter((f) => !readFileSync(f, "utf8").endsWith("\n"))).toEqual([]);
  });

  it("keeps every line of a command line's src/cli.ts within 120 columns, long descriptions included", () => {
    const long = providers.flatMap((p) =>
      readFileSync(join(projectRoot, "generated", p, "src", "cli.ts"), "utf8")
        .split("\n")
        .flatMap((line, i) => (line.length > 120 ? [`${p}/src/cli.ts:${i + 1}: ${line.length} columns`] : [])),
    );
    expect(long).toEqual([]);
  });
});
