#!/usr/bin/env node
import { parseCliArgs, usage, UsageError, type CliArgs } from "./cli/parse-args.js";
import { startTypesWorker } from "./parallel/types-pool.js";

/** Exit codes: 0 ok, 1 bad input or stale output, 2 usage error, 3 internal error. */
async function main(argv: string[]): Promise<number> {
  // `diff` parses its own arguments and loads ts-morph; generate never pays for either.
  if (argv[0] === "diff") return (await import("./cli/run-diff.js")).runDiff(argv.slice(1));
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`clientgen: ${err.message}\n\n${usage}`);
      return 2;
    }
    throw err;
  }
  if (args.help) {
    process.stdout.write(usage);
    return 0;
  }
  // The worker starts loading openapi-typescript on the other core while this thread loads the rest.
  const worker = startTypesWorker();
  try {
    const { runGenerate } = await import("./cli/run-generate.js");
    return await runGenerate(args, worker);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`clientgen: internal error: ${message}\n`);
    if (args.debug && err instanceof Error && err.stack) process.stderr.write(`${err.stack}\n`);
    else process.stderr.write("run again with --debug for the stack trace, and report it with the spec that caused it\n");
    return 3;
  } finally {
    await worker.close();
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
