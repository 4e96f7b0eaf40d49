import type { Command } from "./command.js";

export const diffCommand: Command = {
  name: "diff",
  summary:
    "what changed in the public API between two generated packages, as breaking, compatible or docs-only, and the semver bump",
  usage: [
    ["clientgen diff OLD NEW", "compare the public API of two generated package folders"],
    ["clientgen diff <provider> --base REF", "generated/<provider> now against the same folder at git commit REF"],
    ["clientgen diff DIR --base REF", "any package folder in the repository (a path with a /) against REF"],
  ],
  options: {
    base: { type: "string", value: "REF", description: "a commit, branch or tag (with a provider name)" },
    "out-dir": { type: "string", value: "DIR", description: "folder of generated packages (default: generated)" },
    "fail-on": {
      type: "string",
      value: "LEVEL",
      description: "exit 1 when a change is at least this serious: breaking | compatible | any",
    },
    json: { type: "boolean", description: "the changes and the verdict as JSON" },
  },
  notes: [
    "Each change is printed with its place and classified as breaking, compatible or none (documentation only);",
    "the last line is `semver: major|minor|patch`. Exit 1 also when --fail-on is met.",
  ],
  maxPositionals: 2,
  // ts-morph (and the TypeScript it bundles) is loaded only when a diff runs.
  async run(args) {
    const { runDiff } = await import("./run-diff.js");
    return runDiff(args);
  },
};
