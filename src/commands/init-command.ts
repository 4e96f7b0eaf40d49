import type { Command } from "./command.js";

export const initCommand: Command = {
  name: "init",
  summary:
    "add a provider: specs/<provider>/openapi.yaml (a starter, or --from FILE) and a commented clientgen.yaml, then generate it",
  usage: [
    ["clientgen init <provider>", "a small commented starter spec to edit"],
    ["clientgen init <provider> --from FILE", "your spec (YAML or JSON, with the files its $refs reach)"],
  ],
  options: {
    from: { type: "string", value: "FILE", description: "the OpenAPI 3.0/3.1 or Swagger 2.0 file to start from" },
    specs: { type: "string", value: "DIR", description: "folder of provider folders (default: specs)" },
    "out-dir": { type: "string", value: "DIR", description: "folder of generated packages (default: generated)" },
  },
  maxPositionals: 1,
  async run(args) {
    const { runInit } = await import("./run-init.js");
    return runInit(args);
  },
};
