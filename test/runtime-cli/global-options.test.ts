import { beforeAll, describe, expect, it } from "vitest";
import { GLOBAL_OPTION_TABLE, optionSyntax } from "../../src/runtime-cli/global-options.js";
import { generalHelp } from "../../src/runtime-cli/help.js";
import { parseArgs } from "../../src/runtime-cli/parse-args.js";
import type { CliProgram } from "../../src/runtime-cli/program.js";
import { GLOBAL_OPTIONS } from "../../src/runtime-cli/reserved.js";
import { ClientCore } from "../../src/runtime/index.js";
import { DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS } from "../../src/runtime/defaults.js";
import { fixture, generateFrom } from "../helpers/generate.js";

const program: CliProgram = {
  bin: "pets",
  title: "Pets",
  version: "1.0.0",
  baseURL: "https://pets.example.com",
  client: (options) => new ClientCore({ name: "Pets", baseURLEnv: "PETS_BASE_URL" }, options),
  options: [{ option: "apiKey", flag: "api-key", env: "PETS_API_KEY", kind: "credential" }],
  operations: [],
};

/** A value each option that takes one accepts. */
const SAMPLE: Record<string, string> = {
  "base-url": "http://127.0.0.1:1",
  header: "X-A: b",
  timeout: "5",
  "max-retries": "0",
  data: "{}",
  output: "out.bin",
};

/** One table of global options drives the parser, the help, the docs page and the reserved flag names. */
describe("the global options table", () => {
  it("is what reserved.ts reserves", () => {
    expect(GLOBAL_OPTIONS).toEqual(GLOBAL_OPTION_TABLE.map((o) => o.name));
  });

  it.each(GLOBAL_OPTION_TABLE.map((o) => [o.name, o] as const))("--%s is parsed as a global option", (name, o) => {
    const args = "value" in o ? ["list", `--${name}`, SAMPLE[name]!] : ["list", `--${name}`];
    const parsed = parseArgs(program, args);
    // Not taken for an operation parameter, and it changed something in the result.
    expect(parsed.inputs).toEqual([]);
    expect(parsed).not.toEqual(parseArgs(program, ["list"]));
  });

  it("parses the short spellings the table gives", () => {
    for (const o of GLOBAL_OPTION_TABLE.filter((x) => "short" in x))
      expect(parseArgs(program, [`-${o.short}`])).toMatchObject({ [o.name]: true });
  });

  it("takes an inherited property name for a parameter, not a switch", () => {
    expect(parseArgs(program, ["list", "--toString", "x"]).inputs).toEqual([
      { name: "toString", value: "x", json: false, flag: true },
    ]);
  });

  it("lists every option in help, the client's flags between the call options and the program ones", () => {
    const help = generalHelp(program);
    const order = [...GLOBAL_OPTION_TABLE.map(optionSyntax), "--api-key VALUE"].map((s) => help.indexOf(`  ${s}  `));
    expect(order.every((i) => i > 0)).toBe(true);
    expect(help.indexOf("--api-key VALUE")).toBeLessThan(help.indexOf("-h, --help"));
    expect(help.indexOf("--api-key VALUE")).toBeGreaterThan(help.indexOf("--verbose"));
    expect(help).toContain(`milliseconds per attempt (default ${DEFAULT_TIMEOUT_MS})`);
    expect(help).toContain(`retries after the first attempt (default ${DEFAULT_MAX_RETRIES})`);
    expect(help).toContain("server to call (default https://pets.example.com)");
  });

  describe("docs/CLI.md", () => {
    let page = "";
    beforeAll(async () => {
      page = (await generateFrom(fixture("specs", "docs.yaml"))).files!.get("docs/CLI.md")!;
    });

    it("has one row per option, in the table's order", () => {
      const section = page.split("## Options\n\n")[1]!.split("\n\n")[0]!;
      const options = section.split("\n").filter((row) => row.startsWith("| `-"));
      expect(options.map((row) => row.split(" | ")[0])).toEqual(
        GLOBAL_OPTION_TABLE.map((o) => `| \`${optionSyntax(o).replaceAll("|", "\\|")}\``),
      );
      expect(options[2]).toBe(`| \`--timeout MS\` | Milliseconds per attempt (default ${DEFAULT_TIMEOUT_MS}). |`);
    });
  });
});
