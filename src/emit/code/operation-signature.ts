import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import { type Imports, RUNTIME_MODULE } from "./imports.js";
import { propertyKey } from "../../ts-syntax.js";
import {
  hasParamsArg,
  modelType,
  paramType,
  paramsRequired,
  rawResponseType,
  requestedStreamType,
  streamFlag,
} from "./type-exprs.js";

/**
 * The parameters of an operation's function or method, `(first…, pathArg…, params?, options?)`, and
 * the arguments a delegating call passes on. What the types refer to is added to `imports`. Every
 * style that wraps the standalone functions shares this, so a call is spelled alike in all of them.
 */
export function operationSignature(
  api: NamedApi,
  named: NamedOperation,
  first: string[],
  imports: Imports,
): { params: string[]; call: string } {
  const { locals } = api;
  const params = [...first];
  for (const a of named.pathArgs) params.push(`${a.key}: ${imports.typeText(paramType(api, a.param))}`);
  let paramsArg = "undefined";
  if (hasParamsArg(named)) {
    imports.uses(modelType(named.paramsType));
    params.push(`${locals.params}${paramsRequired(named) ? "" : "?"}: ${named.paramsType}`);
    paramsArg = locals.params;
  }
  imports.type(RUNTIME_MODULE, "RequestOptions");
  params.push(`${locals.options}?: RequestOptions`);
  return { params, call: `${pathArgsLiteral(named)}, ${paramsArg}, ${locals.options}` };
}

/** `APIPromise<X>` or `PagePromise<Item, Body>`, what every style's call returns. */
export function operationReturnType(api: NamedApi, named: NamedOperation, imports: Imports): string {
  if (named.itemType) {
    imports.type(RUNTIME_MODULE, "PagePromise").uses(modelType(named.itemType));
    return `PagePromise<${named.itemType}, ${pageBodyType(api, named, imports)}>`;
  }
  imports.type(RUNTIME_MODULE, "APIPromise");
  return `APIPromise<${resolvedType(api, named, imports)}>`;
}

/**
 * The type of a page's `body`, the whole response: the response alias, unless an envelope applies, when
 * that alias is the envelope's result and the body is the response schema itself.
 */
export function pageBodyType(api: NamedApi, named: NamedOperation, imports: Imports): string {
  if (api.model.envelope && named.op.enveloped) return imports.typeText(rawResponseType(api, named));
  return imports.typeText(modelType(named.responseType));
}

/** What a non-list call resolves to: the response type, or either it or the Stream for one that streams on request. */
export function resolvedType(api: NamedApi, named: NamedOperation, imports: Imports): string {
  imports.uses(modelType(named.responseType));
  const streamed = requestedStreamType(api, named);
  return streamed ? `${named.responseType} | ${imports.typeText(streamed)}` : named.responseType;
}

/**
 * For an operation that streams on request, the overloads' parameter lists and return types: `stream: true` (or the
 * field clientgen.yaml's `streaming.param` names) gives the Stream, false, null or absent the JSON, anything else either
 * (the last is the implementation's own). Empty for any other operation.
 */
export function streamOverloads(
  api: NamedApi,
  named: NamedOperation,
  first: string[],
  imports: Imports,
): Array<{ params: string[]; returns: string }> {
  const streamed = requestedStreamType(api, named);
  if (!streamed) return [];
  const flag = propertyKey(streamFlag(named));
  const { params } = operationSignature(api, named, first, imports);
  const name = api.locals.params;
  const at = params.findIndex((p) => p.startsWith(`${name}:`) || p.startsWith(`${name}?:`));
  const withParams = (type: string, optional: boolean) =>
    params.map((p, i) => (i === at ? `${name}${optional ? "?" : ""}: ${named.paramsType} & ${type}` : p));
  return [
    { params: withParams(`{ ${flag}: true }`, false), returns: `APIPromise<${imports.typeText(streamed)}>` },
    {
      params: withParams(`{ ${flag}?: false | null }`, !paramsRequired(named)),
      returns: `APIPromise<${named.responseType}>`,
    },
    { params, returns: operationReturnType(api, named, imports) },
  ];
}

/** The path arguments by wire name: `{ owner, repo }`, `{ invite_id: inviteId }`. */
function pathArgsLiteral(named: NamedOperation): string {
  if (!named.pathArgs.length) return "{}";
  const entries = named.pathArgs.map(({ key, param: { name } }) =>
    name === key ? key : `${propertyKey(name)}: ${key}`,
  );
  return `{ ${entries.join(", ")} }`;
}

/** The standalone functions of `ops`, module by module in name order: what a style delegating to them imports. */
export function importOperationFunctions(imports: Imports, ops: readonly NamedOperation[]): Imports {
  const modules = new Map<string, string[]>();
  for (const named of ops) modules.set(named.module, [...(modules.get(named.module) ?? []), named.fn]);
  for (const [module, fns] of [...modules].sort(([a], [b]) => (a < b ? -1 : 1))) imports.value(module, ...fns);
  return imports;
}

/** `APIPromise` and `PagePromise`, in that order, as far as `ops` return them (placed before a file's other runtime types). */
export function importReturnTypes(imports: Imports, ops: readonly NamedOperation[]): Imports {
  if (ops.some((o) => !o.itemType)) imports.type(RUNTIME_MODULE, "APIPromise");
  if (ops.some((o) => o.itemType)) imports.type(RUNTIME_MODULE, "PagePromise");
  return imports;
}
