import type { ApiModel, ParamModel, TypePath } from "../model/api-model.js";
import type { NamedApi, NamedOperation } from "../name/named-api.js";

/**
 * TypeScript type expressions that point into openapi-typescript's `types.ts`. Optional containers
 * (`parameters.query`, `requestBody`) are unwrapped with NonNullable so members can be indexed.
 */
export function indexedType(path: TypePath): string {
  let expr = path[0]!;
  for (let i = 1; i < path.length; i++) {
    expr += `[${JSON.stringify(path[i])}]`;
    if ((i === 4 && path[3] === "parameters") || (i === 3 && path[3] === "requestBody")) expr = `NonNullable<${expr}>`;
  }
  return expr;
}

const PRIMITIVES: Record<string, string> = { string: "string", integer: "number", number: "number", boolean: "boolean" };

/** Path arguments read better as `string` than as an indexed type, when the schema is a plain primitive. */
export function pathArgType(param: ParamModel): string {
  const simple = !param.schema.enum && !param.schema.ref && param.schema.type ? PRIMITIVES[param.schema.type] : undefined;
  return simple ?? indexedType(param.type);
}

/** Whether the client's envelope wraps this operation's JSON response. */
export function envelopeApplies(model: ApiModel, named: NamedOperation): boolean {
  const envelope = model.config.envelope;
  const success = named.op.success;
  return !!envelope && success?.kind === "json" && !!success.properties?.includes(envelope.result);
}

/** The response body as sent, before any envelope is removed. */
export function rawResponseType(api: NamedApi, named: NamedOperation): string {
  const success = named.op.success;
  if (!success || success.kind === "void") return "void";
  if (success.kind === "text") return "string";
  if (success.kind === "binary") return "Blob";
  const alias = success.schema.ref ? api.schemas.find((s) => s.name === success.schema.ref)?.alias : undefined;
  return alias ?? (success.type ? indexedType(success.type) : "unknown");
}

/** What the caller's promise resolves to: the envelope's result when one applies. */
export function resultType(api: NamedApi, named: NamedOperation): string {
  const raw = rawResponseType(api, named);
  const envelope = api.model.config.envelope;
  return envelope && envelopeApplies(api.model, named) ? `${wrapForIndex(raw)}[${JSON.stringify(envelope.result)}]` : raw;
}

/** The element type of a paginated list, read from the raw body at `pagination.items`. */
export function itemTypeExpr(api: NamedApi, named: NamedOperation): string {
  const items = named.op.pagination?.items ?? "";
  let expr = wrapForIndex(rawResponseType(api, named));
  for (const key of items.split(".").filter(Boolean)) expr = `NonNullable<${expr}[${JSON.stringify(key)}]>`;
  return `NonNullable<${expr}>[number]`;
}

const wrapForIndex = (expr: string): string => (/^[A-Za-z_$][\w$]*$/.test(expr) || expr.endsWith("]") ? expr : `(${expr})`);

/** The body's type: the schema alias when the spec used a plain $ref. */
export function bodyType(api: NamedApi, named: NamedOperation): string | undefined {
  const body = named.op.body;
  if (!body) return undefined;
  if (body.encoding === "binary") return "Blob | ArrayBuffer | Uint8Array | ReadableStream";
  const alias = body.schema.ref ? api.schemas.find((s) => s.name === body.schema.ref)?.alias : undefined;
  return alias ?? indexedType(body.type);
}

/** Whether the params argument must be given: a required parameter (not filled by the client) or a required body. */
export function paramsRequired(named: NamedOperation): boolean {
  return !!named.op.body?.required || named.params.some((p) => p.param.required && !p.clientOption);
}

export function hasParamsArg(named: NamedOperation): boolean {
  return named.params.length > 0 || !!named.op.body;
}
