import { describeSchema } from "../../../runtime-cli/convert.js";
import { EXIT_CODES } from "../../../runtime-cli/help.js";
import { GLOBAL_OPTION_TABLE, optionDescription, optionSyntax } from "../../../runtime-cli/global-options.js";
import type { GeneratorAssets } from "../../../generator-assets.js";
import type { NamedApi, NamedOperation } from "../../../name/named-api.js";
import type { CliOption } from "../../../runtime-cli/program.js";
import { codeCell, markdownBlock, markdownInline, tableCell } from "../../docs/markdown.js";
import { schemaAlias } from "../../code/type-exprs.js";
import { renderTemplate } from "../../render-template.js";
import type { CliOperationData } from "../../../runtime-cli/operations.js";
import { bodyTypeName, type CliFacts } from "./cli-program.js";
import { cliExample } from "./usage.js";
import { webhooksUsage } from "../../../runtime-cli/help.js";

/** docs/CLI.md in seed 002's format: the table of operations, then each with its example, parameters, return type, authorization and headers. */
export function emitCliDocs(api: NamedApi, assets: GeneratorAssets, program: CliFacts): string {
  const { bin } = api.cli;
  const { options } = program;
  return renderTemplate(assets, "docs/cli.md.hbs", {
    bin,
    title: markdownInline(api.model.title),
    globalOptions: GLOBAL_OPTION_TABLE.map((o) => ({
      syntax: codeCell(optionSyntax(o)),
      meaning: tableCell(
        sentence(optionDescription(o, { baseURL: api.model.servers[0]?.url, baseURLEnv: api.client.baseURLEnv })),
      ),
    })),
    options: options.map((o) => ({
      flag: o.flag,
      env: o.env ? `\`${o.env}\`` : "none",
      what: tableCell(`${o.kind}${o.description ? `: ${o.description}` : ""}`),
    })),
    exitCodes: EXIT_CODES,
    webhooks: api.webhooks?.verify ? webhooksUsage(bin) : "",
    operations: api.operations.map((named, i) => operationDoc(api, named, program.operations[i]!, options)),
  });
}

function operationDoc(api: NamedApi, named: NamedOperation, described: CliOperationData, options: CliOption[]) {
  const { op } = named;
  const { command, alias } = described;
  const params = described.params.map((p) => ({
    name: tableCell(p.name),
    type: tableCell(describeSchema(p.schema)),
    description: tableCell(p.description),
    notes: [
      p.required ? "" : "[optional]",
      p.schema.default === undefined ? "" : `[default to ${tableCell(JSON.stringify(p.schema.default))}]`,
      `[${p.in}]`,
      p.key !== p.name ? `[or ${tableCell(p.key)}]` : "",
      p.clientOption ? `[defaults to ${given(options.find((o) => o.option === p.clientOption)!)}]` : "",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  const body = described.body;
  const fields = (body?.fields ?? []).map((f) => ({
    name: tableCell(f.name),
    type: tableCell(describeSchema(f.schema)),
    description: tableCell(f.description),
    notes: [
      f.required ? "" : "[optional]",
      f.schema.default === undefined ? "" : `[default to ${tableCell(JSON.stringify(f.schema.default))}]`,
      "[body]",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  if (body && !body.fields.length)
    fields.push({
      name: "--data",
      type: tableCell(bodyTypeName(api, named)),
      description: tableCell(op.body?.description),
      notes: `${body.required ? "" : "[optional] "}[body: JSON, @file or -]`,
    });
  return {
    command,
    anchor: command.toLowerCase(),
    alias: alias ?? "",
    method: op.method.toUpperCase(),
    path: op.path,
    summary: tableCell(op.summary ?? op.description?.split("\n")[0]) + (op.deprecated ? " (deprecated)" : ""),
    description: markdownBlock(op.description ?? op.summary),
    example: cliExample(api, named),
    rows: [...params, ...fields],
    returns: returnType(api, named),
    authorization: authorization(api, named, options),
    contentType: op.body?.contentType ?? "Not Applicable",
    accept: op.success?.contentType ?? "Not Applicable",
  };
}

/** Help's lower-case phrase as a table sentence. */
const sentence = (text: string): string => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

/** `` `--api-key` or `TRIEVE_API_KEY` ``: how a credential or client parameter is given. */
const given = (o: CliOption): string => `\`--${o.flag}\`${o.env ? ` or \`${o.env}\`` : ""}`;

function returnType(api: NamedApi, named: NamedOperation): string {
  const success = named.op.success;
  if (success && success.kind === "void") return "null (empty response body)";
  // A list prints its first page as sent; other operations print the result, unwrapped from any envelope.
  const raw = schemaAlias(api, success?.schema.ref)?.text;
  const printed =
    named.itemType || !(api.model.envelope && named.op.enveloped) ? (raw ?? named.responseType) : named.responseType;
  const type = `**${printed}**`;
  return named.itemType
    ? `${type}: the first page; with \`--all\`, every **${named.itemType}** of every page, one JSON line each`
    : type;
}

/** The schemes the operation accepts, each with the flags and variables that give it. */
function authorization(api: NamedApi, named: NamedOperation, options: CliOption[]): string {
  const alternatives = (named.op.security ?? api.model.security).filter((alt) => alt.length > 0);
  if (!alternatives.length) return "No authorization required";
  return alternatives
    .map((alt) =>
      alt
        .map((scheme) => {
          const credentials = api.credentials
            .filter((c) => c.scheme.name === scheme)
            .map((c) => options.find((o) => o.option === c.option)!);
          return `${tableCell(scheme)} (${credentials.map(given).join(" and ")})`;
        })
        .join(" and "),
    )
    .join(", or ");
}
