import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/helpers/build-dist.ts"],
    // Type-checking generated packages and running the CLI spawn processes: give them room on 2 cores.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
