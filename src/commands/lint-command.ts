import type { Command } from "./command.js";

export const lintCommand: Command = {
  name: "lint",
  summary: "report every problem and warning in specs and clientgen.yaml; writes nothing",
  usage: [
    ["clientgen lint", "every provider under specs/"],
    ["clientgen lint <provider>…", "only those providers"],
    ["clientgen lint --spec FILE", "one spec from anywhere (or a folder holding openapi.yaml)"],
  ],
  options: {
    spec: {
      type: "string",
      value: "FILE",
      description: "a single OpenAPI 3.0/3.1 or Swagger 2.0 file, or a folder holding openapi.yaml",
    },
    specs: { type: "string", value: "DIR", description: "folder of provider folders (default: specs)" },
  },
  maxPositionals: Infinity,
  async run(args) {
    const { runLint } = await import("./run-lint.js");
    return runLint(args);
  },
};
