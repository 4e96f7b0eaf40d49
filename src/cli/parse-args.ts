import { parseArgs } from "node:util";
import { isIdentifier } from "../ts-syntax.js";

export class UsageError extends Error {}

export interface CliArgs {
  command: "generate";
  help: boolean;
  check: boolean;
  debug: boolean;
  color: boolean;
  spec?: string;
  out?: string;
  name?: string;
  specsDir: string;
  outDir: string;
  /** Only these providers (folder names under specs/). */
  providers: string[];
}

export const usage = `Usage:
  clientgen generate                          every specs/<provider>/openapi.{yaml,yml,json} → generated/<provider>/
  clientgen generate <provider>…              only those providers
  clientgen generate --spec FILE --out DIR    one spec from anywhere (YAML or JSON) → DIR
  clientgen generate --check                  write nothing; exit 1 and list stale files if generated/ is out of date
  clientgen diff OLD NEW                      what changed in the public API between two generated packages (diff --help)
  clientgen diff <provider> --base REF        generated/<provider> against the same package at a git commit

Options:
  --spec FILE     a single OpenAPI 3.0/3.1 file (YAML or JSON); clientgen.yaml beside it is used
  --out DIR       where --spec's package goes
  --name NAME     client class name (default: clientgen.yaml's name, else the spec's title)
  --specs DIR     folder of provider folders (default: specs)
  --out-dir DIR   folder of generated packages (default: generated)
  --check         compare instead of writing
  --debug         print stack traces for internal errors
  --no-color      plain output (also NO_COLOR=1)
  -h, --help      this text

Exit codes: 0 ok, 1 bad input or stale output, 2 usage error, 3 internal error.
`;

export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        help: { type: "boolean", short: "h", default: false },
        check: { type: "boolean", default: false },
        debug: { type: "boolean", default: false },
        "no-color": { type: "boolean", default: false },
        spec: { type: "string" },
        out: { type: "string" },
        name: { type: "string" },
        specs: { type: "string", default: "specs" },
        "out-dir": { type: "string", default: "generated" },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const [command = "generate", ...providers] = positionals;
  if (values.help) return { command: "generate", help: true, check: false, debug: false, color: false, specsDir: "specs", outDir: "generated", providers: [] };
  if (command !== "generate") throw new UsageError(`unknown command '${command}'`);
  if (values.spec && !values.out) throw new UsageError("--spec needs --out DIR (where the package goes)");
  if (values.out && !values.spec) throw new UsageError("--out goes with --spec FILE");
  if (values.spec && providers.length) throw new UsageError("give either --spec or provider names, not both");
  if (values.name !== undefined && !isIdentifier(values.name)) throw new UsageError(`--name '${values.name}' is not a valid class name`);
  const args: CliArgs = {
    command: "generate",
    help: false,
    check: values.check,
    debug: values.debug,
    color: !values["no-color"] && !process.env.NO_COLOR && process.stderr.isTTY === true,
    specsDir: values.specs,
    outDir: values["out-dir"],
    providers,
  };
  if (values.spec) args.spec = values.spec;
  if (values.out) args.out = values.out;
  if (values.name) args.name = values.name;
  return args;
}
