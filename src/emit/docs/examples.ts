import type { ParamModel } from "../../model/api-model.js";
import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import { propertyKey } from "../../ts-syntax.js";
import { dataLiteral } from "../code/source-writer.js";

/** An example value of a parameter, as data: the spec's example or default, one built from its schema, else a readable placeholder. */
export function exampleData(param: ParamModel): unknown {
  const value = param.schema.example ?? param.schema.default ?? param.schema.enum?.[0];
  if (value !== undefined && (typeof value !== "object" || value === null)) return value;
  if (param.example !== undefined) return param.example;
  const type = param.schema.type;
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  return param.name;
}

/** A literal for an example argument (see exampleData). */
export function exampleValue(param: ParamModel): string {
  return dataLiteral(exampleData(param));
}

/** The arguments of a call as a user would write them: path args, then required params. */
export function exampleArgs(named: NamedOperation): string[] {
  const args = named.pathArgs.map((a) => exampleValue(a.param));
  const required = named.params.filter((p) => p.param.required && !p.clientOption);
  const fields = required.map((p) => `${propertyKey(p.key)}: ${exampleValue(p.param)}`);
  const body = named.op.body;
  if (body?.required && named.bodyMode === "fields") {
    const example = isRecord(body.example) ? body.example : {};
    fields.push(...Object.entries(example).map(([k, v]) => `${propertyKey(k)}: ${dataLiteral(v)}`));
  }
  if (body?.required && named.bodyMode === "whole") fields.push(`body: ${exampleBody(named)}`);
  if (fields.length) args.push(`{ ${fields.join(", ")} }`);
  return args;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The request body of an example call, as a literal: the spec's example, else one built from the schema. */
export function exampleBody(named: NamedOperation): string {
  const body = named.op.body;
  if (!body) return "undefined";
  if (body.encoding === "binary") return `new Blob(["…"])`;
  return body.example === undefined ? "{}" : dataLiteral(body.example);
}

/** The operation whose example opens the README: a simple read if there is one. */
export function showcaseOperation(api: NamedApi): NamedOperation | undefined {
  return (
    api.operations.find((o) => o.op.method === "get" && o.op.pagination) ??
    api.operations.find((o) => o.op.method === "get") ??
    api.operations[0]
  );
}

/** `new Client({ apiKey: process.env.X })` with the first credential alternative the operation (else the spec) asks for. */
export function clientConstruction(api: NamedApi, className: string, named?: NamedOperation): string {
  const first = (named?.op.security ?? api.model.security)[0] ?? api.model.security[0] ?? [];
  const creds = api.credentials.filter((c) => first.includes(c.scheme.name));
  const args = [...creds, ...api.clientParams].map(
    (c) => `${c.option}: ${c.env ? `process.env.${c.env}` : `"<${c.option}>"`}`,
  );
  return `new ${className}(${args.length ? `{ ${args.join(", ")} }` : ""})`;
}

/** The middleware the README's examples add: it tags every request and logs every answer. */
const TRACING = [
  "// Tags every request and logs every answer, retries included.",
  "const tracing: Middleware = {",
  "  onRequest: ({ request }) => {",
  "    const traced = new Request(request);",
  '    traced.headers.set("x-trace-id", "trace-123");',
  "    return traced;",
  "  },",
  "  onResponse: ({ response, operation, attempt }) => {",
  "    console.log(operation.id, attempt, response.status);",
  "  },",
  "};",
  "",
];

/** A whole program: a middleware added to the flat client, and a client derived from it (the README's, and the `@example` of both methods). */
export function middlewareExample(api: NamedApi): string {
  const { client } = api;
  return [
    `import ${client.className}, { type Middleware } from "${client.packageName}";`,
    "",
    ...TRACING,
    `const client = ${clientConstruction(api, client.className, showcaseOperation(api))}.use(tracing);`,
    "// Another client with other options, sharing nothing with the first (which stays as it is):",
    "const patient = client.withOptions({ timeout: 120_000, maxRetries: 5 });",
  ].join("\n");
}

/** The same on a builder API object (the showcase operation's class); undefined without operations. */
export function builderMiddlewareExample(api: NamedApi): string | undefined {
  const named = showcaseOperation(api);
  if (!named) return undefined;
  const { client } = api;
  return [
    `import { ${named.builder.api} } from "${client.packageName}/builder";`,
    `import type { Middleware } from "${client.packageName}";`,
    "",
    ...TRACING,
    `const api = ${clientConstruction(api, named.builder.api, named)}.use(tracing);`,
    "// Another API object over a client with other options; `api` stays as it is:",
    "const patient = api.withOptions({ timeout: 120_000, maxRetries: 5 });",
  ].join("\n");
}
