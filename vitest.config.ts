import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-dist.ts"],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Most slow files
    // wait on a child process (tsc, npm, the CLI), so two at a time keep both cores busy.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Type-checking generated packages and running the CLI spawn processes: give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
