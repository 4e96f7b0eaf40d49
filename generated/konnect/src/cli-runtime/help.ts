import { describeSchema } from "./convert.js";
import { GLOBAL_OPTION_TABLE, optionDescription, optionSyntax } from "./global-options.js";
import type { CliOperation, CliProgram, CliSchema } from "./program.js";
import { WEBHOOKS_COMMAND } from "./reserved.js";
import { DEFAULT_WIDTH, fit, wrapCell } from "./wrap.js";

/** How `webhooks verify` is called: general help, the command's usage errors and docs/CLI.md say it. */
export const webhooksUsage = (bin: string): string =>
  `${bin} ${WEBHOOKS_COMMAND} verify --data @body.json|- --header 'webhook-id: …' --header 'webhook-timestamp: …' --header 'webhook-signature: …'`;

/** Spec text on a terminal: no control characters (escape sequences could rewrite the screen). */
export const plain = (text: string | undefined): string =>
  (text ?? "").replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");
/** The first paragraph on one line: descriptions in the spec are often wrapped. */
const oneLine = (text: string | undefined): string =>
  plain(text)
    .trim()
    .split(/\n\s*\n/)[0]!
    .replace(/\s*\n\s*/g, " ");
const indent = (text: string, by = "  "): string =>
  text
    .split("\n")
    .map((l) => (l.trim() ? by + l : ""))
    .join("\n");

/** Rows as aligned columns; the last column is not padded, and wraps to `width` under its own start. */
function columns(rows: string[][], width = DEFAULT_WIDTH, by = "  "): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows
    .map((r) => {
      const lead = r.slice(0, -1).map((cell, i) => cell.padEnd(widths[i]!) + "  ");
      return wrapCell(by + lead.join(""), r.at(-1) ?? "", width);
    })
    .join("\n");
}

export const EXIT_CODES =
  "Exit codes: 0 success, 1 the API answered with an error, 2 usage error (nothing was sent), 3 connection error or timeout, 130 interrupted (Ctrl-C).";

/** The global options of one group, as help rows. */
const globalRows = (group: "call" | "program", program: CliProgram): string[][] =>
  GLOBAL_OPTION_TABLE.filter((o) => o.group === group).map((o) => [optionSyntax(o), optionDescription(o, program)]);

export function generalHelp(program: CliProgram, width = DEFAULT_WIDTH): string {
  const { bin } = program;
  const groups = new Map<string, CliOperation[]>();
  for (const op of program.operations) groups.set(op.group, [...(groups.get(op.group) ?? []), op]);
  const sections = [...groups].map(
    ([group, ops]) =>
      `${plain(group)}:\n${columns(
        ops.map((op) => [
          op.command + (op.alias ? `, ${op.alias}` : ""),
          oneLine(op.summary ?? op.description) + (op.deprecated ? " (deprecated)" : ""),
        ]),
        width - 2,
      )}`,
  );
  const credentials = program.options.map((o) => [
    `--${o.flag} VALUE`,
    `${o.kind}${o.env ? `, or set ${o.env}` : ""}${o.description ? `: ${oneLine(o.description)}` : ""}`,
  ]);
  const text = [
    `${bin} ${program.version}: command line for ${plain(program.title)}`,
    "",
    `Usage: ${bin} <operation> [name=value | name:=<json> | --name value]... [options]`,
    `       ${bin} <operation> --help`,
    `       ${bin} completion bash|zsh`,
    ...(program.webhooks ? [`       ${webhooksUsage(bin)}`] : []),
    "",
    "Operations:",
    sections.map((s) => indent(s)).join("\n\n"),
    "",
    fit(
      "Parameters go by their wire name (as <operation> --help lists them) or camelCase name, as name=value or " +
        "--name value; body fields as key=value, or key:=<json> for any JSON value, a file field as key=@path " +
        "(sent as a file part named as the file, its content type from the extension); the whole body as " +
        "--data '<json>', --data @file or --data - (stdin).",
      width,
    ),
    "",
    "Options:",
    columns([...globalRows("call", program), ...credentials, ...globalRows("program", program)], width),
    "",
    fit("The response body is printed as JSON on stdout: indented on a terminal, one line when piped.", width),
    "List operations print the first page; errors go to stderr.",
    fit(EXIT_CODES, width),
    "",
  ];
  return text.join("\n");
}

export function operationHelp(program: CliProgram, op: CliOperation, width = DEFAULT_WIDTH): string {
  const lines = [
    fit(
      `${program.bin} ${op.command}${op.alias ? ` (or ${op.alias})` : ""}: ${oneLine(op.summary ?? op.description)}${op.deprecated ? " (deprecated)" : ""}`,
      width,
    ),
    "",
    `  ${op.method.toUpperCase()} ${op.path}`,
  ];
  const description = plain(op.description).trim();
  if (description && description !== oneLine(op.summary)) lines.push("", fit(indent(description), width));
  if (op.params.length) {
    const rows = op.params.map((p) => [
      p.name + (p.key !== p.name ? ` (${p.key})` : ""),
      p.in,
      describeSchema(p.schema),
      p.required ? (p.clientOption ? "yes*" : "yes") : "no",
      p.schema.default === undefined ? "" : JSON.stringify(p.schema.default),
      oneLine(p.description) + (p.deprecated ? " (deprecated)" : ""),
    ]);
    lines.push(
      "",
      "Parameters:",
      columns([["NAME", "IN", "TYPE", "REQUIRED", "DEFAULT", "DESCRIPTION"], ...rows], width),
    );
    const supplied = op.params
      .filter((p) => p.clientOption)
      .map((p) => {
        const o = program.options.find((x) => x.option === p.clientOption);
        return o ? `  * ${p.name} defaults to --${o.flag}${o.env ? ` or ${o.env}` : ""}` : "";
      });
    if (supplied.some(Boolean)) lines.push(...supplied.filter(Boolean));
  }
  if (op.body) lines.push(...bodyHelp(op, width));
  lines.push("", "Example:", `  ${program.bin} ${op.command}${op.example ? ` ${op.example}` : ""}`);
  lines.push(
    "",
    op.list
      ? "Prints the first page; --all prints every item, one JSON line each."
      : op.response === "void"
        ? "Prints nothing on success."
        : op.response === "sse"
          ? "Prints each event as it arrives, one JSON line each (NDJSON)."
          : op.response === "binary"
            ? "Writes the response's bytes to stdout (never to a terminal) or to --output FILE."
            : op.streams
              ? `Prints the response body; with ${op.streams}=true, each event as it arrives, one JSON line each (NDJSON).`
              : "Prints the response body.",
  );
  lines.push(fit(EXIT_CODES, width), "");
  return lines.join("\n");
}

function bodyHelp(op: CliOperation, width: number): string[] {
  const body = op.body!;
  const head = `Body (${body.contentType}, ${body.required ? "required" : "optional"}): ${plain(body.type)}`;
  if (!body.fields.length) return ["", head, "  give it with --data '<json>', --data @file or --data -"];
  const rows = body.fields.map((f) => [
    f.name,
    describeSchema(f.schema),
    f.required ? "yes" : "no",
    f.schema.default === undefined ? "" : JSON.stringify(f.schema.default),
    oneLine(f.description) + (f.deprecated ? " (deprecated)" : ""),
  ]);
  return [
    "",
    head,
    columns([["FIELD", "TYPE", "REQUIRED", "DEFAULT", "DESCRIPTION"], ...rows], width),
    fit(
      "  key=value for text, numbers and booleans; key:=<json> for any JSON value; or the whole body with --data",
      width,
    ),
    ...(body.fields.some((f) => isFile(f.schema))
      ? [
          fit(
            "  key=@path for a file field: the file goes as a part with its name and a content type from its extension",
            width,
          ),
        ]
      : []),
  ];
}

const isFile = (s: CliSchema): boolean => s.format === "binary" || s.items?.format === "binary";
