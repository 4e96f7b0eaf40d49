import type { CliOperationData } from "../../../runtime-cli/operations.js";
import type { CliBody, CliOption, CliParam, CliSchema } from "../../../runtime-cli/program.js";
import type { SchemaFacts } from "../../../model/api-model.js";
import type { NamedApi, NamedOperation, NamedParam } from "../../../name/named-api.js";
import { hasParamsArg, schemaAlias, streamFlag, streamsOnRequest } from "../../code/type-exprs.js";
import { cliCommand, cliExampleArgs } from "./usage.js";

/** The facts the command line converts and checks values by. */
export function cliSchema(facts: SchemaFacts): CliSchema {
  const out: CliSchema = {};
  if (facts.type) out.type = facts.type;
  if (facts.format) out.format = facts.format;
  // A 3.1 file (`contentMediaType`) is read from `@path` as a 3.0 `format: binary` one is.
  else if (facts.contentMediaType) out.format = "binary";
  if (facts.enum) out.enum = facts.enum;
  if (facts.default !== undefined) out.default = facts.default;
  if (facts.nullable) out.nullable = true;
  if (facts.items) out.items = cliSchema(facts.items);
  return out;
}

/** What the docs call the body's type: its component's alias, else its JSON type. */
export function bodyTypeName(api: NamedApi, named: NamedOperation): string {
  const schema = named.op.body?.schema;
  return schemaAlias(api, schema?.ref)?.text ?? schema?.type ?? "body";
}

function cliParam(p: NamedParam): CliParam {
  const out: CliParam = {
    name: p.param.name,
    key: p.key,
    in: p.param.in,
    required: p.param.required,
    schema: cliSchema(p.param.schema),
  };
  if (p.param.description) out.description = p.param.description;
  if (p.param.deprecated) out.deprecated = true;
  if (p.clientOption) out.clientOption = p.clientOption;
  return out;
}

function cliBody(api: NamedApi, named: NamedOperation): CliBody | undefined {
  const body = named.op.body;
  if (!body) return undefined;
  const fields = body.fields
    .filter((f) => !f.readOnly)
    .map((f) => {
      const field: CliBody["fields"][number] = { name: f.name, required: f.required, schema: cliSchema(f.schema) };
      if (f.description) field.description = f.description;
      if (f.deprecated) field.deprecated = true;
      return field;
    });
  return {
    mode: named.bodyMode ?? "whole",
    encoding: body.encoding,
    contentType: body.contentType,
    required: body.required,
    fields,
    type: bodyTypeName(api, named),
  };
}

/** One operation as the command line sees it; `fn` names its standalone function. */
export function cliOperation(api: NamedApi, named: NamedOperation): CliOperationData {
  const { op } = named;
  const names = cliCommand(api, named);
  // Keys in reading order: the literal in src/cli.ts is read by people too.
  const out: CliOperationData = {
    command: names.command,
    ...(names.alias ? { alias: names.alias } : {}),
    group: names.group,
    ...(op.summary ? { summary: op.summary } : {}),
    ...(op.description ? { description: op.description } : {}),
    ...(op.deprecated ? { deprecated: true } : {}),
    method: op.method,
    path: op.path,
    fn: named.fn,
    params: [...named.pathArgs, ...named.params].map(cliParam),
    takesParams: hasParamsArg(named),
    response: op.success?.kind ?? "json",
    ...(streamsOnRequest(named) ? { streams: streamFlag(named) } : {}),
    example: cliExampleArgs(named),
  };
  const body = cliBody(api, named);
  if (body) out.body = body;
  if (named.itemType) out.list = true;
  return out;
}

/** What the command line knows of an API: its options, and every operation in `NamedApi.operations` order. */
export interface CliFacts {
  options: CliOption[];
  operations: CliOperationData[];
}

/** Credentials and client parameters, with their flags and environment variables. */
export function cliOptions(api: NamedApi): CliOption[] {
  const flagOf = (option: string) => api.cli.flags.find((f) => f.option === option)!.flag;
  const describe = (c: { option: string; env?: string; description?: string }, kind: CliOption["kind"]): CliOption => {
    const out: CliOption = { option: c.option, flag: flagOf(c.option), kind };
    if (c.env) out.env = c.env;
    if (c.description) out.description = c.description;
    return out;
  };
  const verify = api.webhooks?.verify;
  const secret = verify
    ? [
        describe(
          { ...verify, description: "the whsec_ secret `webhooks verify` checks deliveries with" },
          "webhook secret",
        ),
      ]
    : [];
  return [
    ...api.credentials.map((c) => describe(c, "credential")),
    ...api.clientParams.map((c) => describe(c, "client parameter")),
    ...secret,
  ];
}
