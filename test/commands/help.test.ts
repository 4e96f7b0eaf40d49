import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commands } from "../../src/commands/index.js";
import { runClientgen as clientgen } from "../helpers/run-cli.js";
import { projectRoot } from "../helpers/generate.js";

/** help, --version, and the one-line usage errors (never Node's argument-parser text). */
describe("clientgen help and usage errors", () => {
  it("clientgen help lists every registered command; bare clientgen shows the same", async () => {
    const help = await clientgen(["help"]);
    expect(help.code).toBe(0);
    for (const command of commands)
      expect(help.stdout).toMatch(new RegExp(`^  ${command.name}\\s+${command.summary.slice(0, 20)}`, "m"));
    expect((await clientgen([])).stdout).toBe(help.stdout);
  });

  it("clientgen <command> --help and clientgen help <command> show its forms and every option", async () => {
    const viaFlag = await clientgen(["generate", "--help"]);
    expect(viaFlag.code).toBe(0);
    expect((await clientgen(["help", "generate"])).stdout).toBe(viaFlag.stdout);
    for (const option of [
      "--spec FILE",
      "--out DIR",
      "--check",
      "-w, --watch",
      "--layout KIND",
      "-q, --quiet",
      "--no-color",
    ])
      expect(viaFlag.stdout).toContain(option);
    expect((await clientgen(["init", "-h"])).stdout).toContain("--from FILE");
  });

  it("--version prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { version: string };
    expect(await clientgen(["--version"])).toEqual({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it.each([
    [["genrate"], "clientgen: unknown command 'genrate': did you mean 'generate'? (see 'clientgen help')"],
    [["lnt"], "clientgen: unknown command 'lnt': did you mean 'lint'? (see 'clientgen help')"],
    [["frobnicate"], "clientgen: unknown command 'frobnicate' (see 'clientgen help')"],
    [
      ["generate", "--wach"],
      "clientgen: unknown option '--wach' for 'generate': did you mean '--watch'? (see 'clientgen generate --help')",
    ],
    [
      ["generate", "--chek=1"],
      "clientgen: unknown option '--chek' for 'generate': did you mean '--check'? (see 'clientgen generate --help')",
    ],
    [["lint", "--out", "x"], "clientgen: unknown option '--out' for 'lint' (see 'clientgen lint --help')"],
    [["generate", "-x"], "clientgen: unknown option '-x' for 'generate' (see 'clientgen generate --help')"],
    [["generate", "--spec"], "clientgen: --spec needs a value (see 'clientgen generate --help')"],
    [["generate", "--check=yes"], "clientgen: --check takes no value (see 'clientgen generate --help')"],
    [["init", "a", "b"], "clientgen: unexpected argument 'b' for 'init' (see 'clientgen init --help')"],
    [["--check"], "clientgen: give a command first, for example 'clientgen generate --check' (see 'clientgen help')"],
    [
      ["--verison"],
      "clientgen: unknown option '--verison': did you mean 'clientgen --version'? (see 'clientgen help')",
    ],
    [["-hlep"], "clientgen: unknown option '-hlep': did you mean 'clientgen --help'? (see 'clientgen help')"],
    [
      ["watch"],
      "clientgen: 'watch' is not a command: did you mean 'clientgen generate --watch'? (see 'clientgen generate --help')",
    ],
    [
      ["check", "x"],
      "clientgen: 'check' is not a command: did you mean 'clientgen generate --check'? (see 'clientgen generate --help')",
    ],
    [["help", "gen"], "clientgen: unknown command 'gen': did you mean 'generate'? (see 'clientgen help')"],
  ])("%j: one line, exit 2", async (args, line) => {
    expect(await clientgen(args)).toEqual({ code: 2, stdout: "", stderr: `${line}\n` });
  });
});
