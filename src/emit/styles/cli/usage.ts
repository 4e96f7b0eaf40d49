import type { NamedApi, NamedOperation, NamedParam } from "../../../name/named-api.js";
import { exampleData, showcaseOperation } from "../../docs/examples.js";

/** The operation's names on the command line, in `NamedApi.operations` order. */
export const cliCommand = (api: NamedApi, named: NamedOperation) => api.cli.commands.get(named)!;

export function cliCallName(api: NamedApi, named: NamedOperation): string {
  return `${api.cli.bin} ${cliCommand(api, named).command}`;
}

/** A word as a POSIX shell reads it back unchanged: bare when safe, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

const hasExample = (p: NamedParam) =>
  p.param.schema.example !== undefined || p.param.schema.default !== undefined || !!p.param.schema.enum;
const isScalar = (v: unknown): v is string | number | boolean => ["string", "number", "boolean"].includes(typeof v);

/** `name=value` for a scalar, `name:='<json>'` for anything else. */
function assignment(name: string, value: unknown): string {
  return isScalar(value) ? `${name}=${shellWord(String(value))}` : `${name}:=${shellWord(JSON.stringify(value))}`;
}

/**
 * The arguments of an example call in seed 002's syntax: path parameters, required parameters, up to
 * two query parameters the spec gives examples of, and the body (its fields, or `--data` for other bodies).
 */
export function cliExampleArgs(named: NamedOperation): string {
  const required = named.params.filter((p) => p.param.required && !p.clientOption);
  const optional = named.params
    .filter((p) => !required.includes(p) && p.param.in === "query" && hasExample(p))
    .slice(0, 2);
  const params = [...named.pathArgs, ...named.params.filter((p) => required.includes(p) || optional.includes(p))];
  const args = params.map((p) => assignment(p.param.name, exampleData(p.param)));
  const body = named.op.body;
  if (body?.required && body.encoding !== "binary" && body.example !== undefined) {
    const example = body.example;
    const asFields =
      body.fields.length > 0 && example !== null && typeof example === "object" && !Array.isArray(example);
    if (asFields) args.push(...Object.entries(example).map(([k, v]) => assignment(k, v)));
    else
      args.push(
        `--data ${shellWord(typeof example === "string" && body.encoding === "text" ? example : JSON.stringify(example))}`,
      );
  } else if (body?.required) args.push(body.encoding === "binary" ? "--data @file" : "--data @body.json");
  return args.join(" ");
}

/** The environment an example needs: the first credential alternative and the client parameters. */
function exampleEnv(api: NamedApi): string[] {
  const first = api.model.security[0] ?? [];
  const creds = api.credentials.filter((c) => first.includes(c.scheme.name));
  return [...creds, ...api.clientParams].filter((c) => c.env).map((c) => `export ${c.env}=…`);
}

export function cliExample(api: NamedApi, named: NamedOperation): string {
  const args = cliExampleArgs(named);
  const line = `${cliCallName(api, named)}${args ? ` ${args}` : ""}`;
  return [
    ...exampleEnv(api),
    line,
    ...(named.itemType ? [`${line} --all   # every item, one JSON line each`] : []),
  ].join("\n");
}

export function cliUsage(api: NamedApi): { title: string; code: string } {
  const named = showcaseOperation(api);
  const { bin } = api.cli;
  const commented: [string, string][] = [
    [`npx ${bin} --help`, "operations, options, exit codes"],
    ...(named ? [[`npx ${cliCallName(api, named)} --help`, "its parameters and an example"] as [string, string]] : []),
    [`eval "$(npx ${bin} completion bash)"`, `or: source <(npx ${bin} completion zsh)`],
  ];
  const width = Math.max(...commented.map(([c]) => c.length));
  const lines = [
    `# After installing the package (its bin is ${bin}); docs/CLI.md lists every operation.`,
    ...exampleEnv(api),
    ...(named ? [`npx ${cliCallName(api, named)} ${cliExampleArgs(named)}`.trimEnd()] : []),
    ...commented.map(([c, comment]) => `${c.padEnd(width)}   # ${comment}`),
  ];
  return { title: "Command line", code: lines.join("\n") };
}
