import { rmSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, expect, it } from "vitest";
import { fixture, generateIntoTemp } from "../helpers/generate.js";
import { runNode } from "../helpers/cli-bundle.js";

/** Strings from a spec are data in src/cli.ts and on the terminal: quotes, backslashes, `*\/`, line separators and escape sequences. */
let dir: string | undefined;
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it("a spec's strings survive src/cli.ts unchanged and reach the terminal without control characters", async () => {
  dir = await generateIntoTemp(fixture("specs", "cli-strings.yaml"), "strings");
  const outfile = join(dir, "cli.mjs");
  await build({
    entryPoints: [join(dir, "src", "cli.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "silent",
  });
  const help = await runNode([outfile, "--help"]);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain("listItems, list-items  It's a \\ backslash, a line\u2028separator and [31mred[0m");
  expect(help.stdout).not.toContain("\u001b");
  const op = await runNode([outfile, "listItems", "--help"]);
  expect(op.stdout).toMatch(/q's +query +"a'b" \| "c" +no +quote ' and \*\/ end/);
  const bad = await runNode([outfile, "listItems", "q's=x"]);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain(`q's: 'x' is not one of "a'b" | "c"`);
}, 60_000);
