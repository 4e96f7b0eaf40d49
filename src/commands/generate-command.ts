import type { Command } from "./command.js";

export const generateCommand: Command = {
  name: "generate",
  summary: "write a client package per provider (or for one spec); skips providers whose inputs did not change",
  usage: [
    ["clientgen generate", "every specs/<provider>/openapi.{yaml,yml,json} → generated/<provider>/"],
    ["clientgen generate <provider>…", "only those providers"],
    [
      "clientgen generate --spec FILE --out DIR",
      "one spec from anywhere (YAML or JSON; or a folder holding openapi.yaml) → DIR",
    ],
    ["clientgen generate --check", "write nothing; exit 1 listing stale files (always compares the files themselves)"],
    [
      "clientgen generate --watch",
      "generate, then regenerate a provider when its spec, a file it $refs or its clientgen.yaml changes, and generate provider folders added meanwhile",
    ],
  ],
  options: {
    spec: {
      type: "string",
      value: "FILE",
      description:
        "a single OpenAPI 3.0/3.1 or Swagger 2.0 file, or a folder holding openapi.yaml; clientgen.yaml beside it is used",
    },
    out: { type: "string", value: "DIR", description: "where --spec's output goes" },
    name: {
      type: "string",
      value: "NAME",
      description:
        "client class name, over clientgen.yaml's name (default: clientgen.yaml's name, else the spec's title)",
    },
    layout: {
      type: "string",
      value: "KIND",
      description:
        "package (default): a buildable npm package; sources: only the TypeScript sources (a package's src/)",
    },
    "with-cli": {
      type: "boolean",
      description: "with --layout sources: also write the command line (cli.ts, cli-runtime/), which sources leave out",
    },
    specs: { type: "string", value: "DIR", description: "folder of provider folders (default: specs)" },
    "out-dir": { type: "string", value: "DIR", description: "folder of generated packages (default: generated)" },
    check: { type: "boolean", description: "compare instead of writing; exit 1 when anything is stale" },
    force: {
      type: "boolean",
      description:
        "generate into a folder that holds files clientgen did not write (they are kept, never deleted or overwritten), or over another spec's package",
    },
    watch: { type: "boolean", short: "w", description: "keep running and regenerate what changes (Ctrl-C stops)" },
  },
  notes: [
    "clientgen replaces or deletes only files it wrote (.clientgen-manifest.json in each output folder lists them).",
    "It refuses, naming them, an output folder holding files it did not write or another spec's package (unless",
    "--force), and always a folder that is or contains the spec, a file it $refs or clientgen.yaml.",
    "A provider whose inputs (spec, the files it $refs, clientgen.yaml) and output are as the last run left them",
    "is skipped without loading the generator: see .clientgen-inputs.json in each output folder. --check never skips.",
  ],
  maxPositionals: Infinity,
  async run(args) {
    const { runGenerate } = await import("./run-generate.js");
    return runGenerate(args);
  },
};
