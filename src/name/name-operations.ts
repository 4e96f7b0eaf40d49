import type { Diagnostic } from "../diagnostics.js";
import type { ApiModel, OperationModel } from "../model/api-model.js";
import { camel, pascal, safeIdentifier, uniqueName } from "./identifiers.js";
import { crudVerb, operationName, resourceSegments } from "./default-names.js";
import type { NamedClientParam, NamedOperation, NamedParam } from "./named-api.js";

/** Builder members a setter must not shadow. */
const BUILDER_MEMBERS = new Set(["execute", "executeRaw", "withOptions", "then", "catch", "finally", "constructor", "state", "api", "op"]);
const ARGUMENT_NAMES = new Set(["params", "options", "client", "body"]);
/** Runtime functions generated files import beside the operation functions: no operation may take their names. */
const RUNTIME_FUNCTIONS = ["requestPage", "requestBuilder"];

export interface NamingContext {
  model: ApiModel;
  clientParams: NamedClientParam[];
  /** Names already used in models.ts (schema aliases); operation types are added to it. */
  typeNames: Set<string>;
  warnings: Diagnostic[];
}

export function nameOperations(ctx: NamingContext): NamedOperation[] {
  const fnNames = new Set<string>(RUNTIME_FUNCTIONS);
  const firstByName = new Map<string, OperationModel>();
  return ctx.model.operations.map((op) => {
    const config = ctx.model.config.operations[op.key] ?? {};
    const wanted = safeIdentifier(config.builderMethod ?? operationName(op), "operation");
    const fn = uniqueName(wanted, fnNames);
    if (fn !== wanted) clash(ctx, op, firstByName.get(wanted), wanted, fn, `operations.${JSON.stringify(op.key)}.builderMethod`);
    fnNames.add(fn);
    firstByName.set(wanted, op);
    const typeBase = pascal(fn);
    const paramsType = takeType(ctx, `${typeBase}Params`);
    const responseType = takeType(ctx, `${typeBase}Response`);
    const itemType = op.pagination ? takeType(ctx, `${typeBase}Item`) : undefined;
    const errorsType = op.errors.some((e) => e.kind === "json") ? takeType(ctx, `${typeBase}Errors`) : undefined;
    const builderType = takeType(ctx, `${typeBase}Builder`);
    const { pathArgs, params, bodySetter } = nameParams(op, ctx.clientParams, fn);
    const resource = config.resource ? config.resource.split(".") : resourceSegments(op.path);
    const named: NamedOperation = {
      op,
      fn,
      module: `operations/${moduleFile(resource[0])}`,
      paramsType,
      responseType,
      pathArgs,
      params,
      flat: { resource, method: config.method ?? crudVerb(op) ?? fn },
      builder: { api: `${pascal(config.api ?? op.tags[0] ?? "Default") || "Default"}Api`, method: fn, type: builderType },
    };
    if (bodySetter) named.bodySetter = bodySetter;
    if (itemType) named.itemType = itemType;
    if (errorsType) named.errorsType = errorsType;
    return named;
  });
}

/** `operations/index.ts` is the barrel of all operations: a resource called `index` gets another file. */
const moduleFile = (resource: string | undefined): string => {
  const file = resource ? kebab(resource) : "root";
  return file === "index" ? "index-resource" : file;
};

export const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

function takeType(ctx: NamingContext, wanted: string): string {
  const name = uniqueName(wanted, ctx.typeNames);
  ctx.typeNames.add(name);
  return name;
}

function nameParams(op: OperationModel, clientParams: NamedClientParam[], fn: string): { pathArgs: NamedParam[]; params: NamedParam[]; bodySetter?: string } {
  // A path argument named like the function the method calls would shadow it (`class_(class_) { return class_(…) }`).
  const argNames = new Set([...ARGUMENT_NAMES, ...RUNTIME_FUNCTIONS, fn]);
  const setters = new Set(BUILDER_MEMBERS);
  const keys = new Set(op.body?.mode === "fields" ? op.body.properties : op.body ? ["body"] : []);
  const withClientOption = (named: NamedParam): NamedParam => {
    const cp = clientParams.find((c) => c.in === named.param.in && c.name === named.param.name);
    return cp ? { ...named, clientOption: cp.option } : named;
  };
  const pathArgs = op.params
    .filter((p) => p.in === "path")
    .sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`))
    .map((param) => {
      const key = uniqueName(safeIdentifier(camel(param.name), "id"), argNames);
      argNames.add(key);
      setters.add(key);
      return withClientOption({ param, key, setter: key });
    });
  const params = op.params
    .filter((p) => p.in !== "path")
    .map((param) => {
      const preferred = param.in === "header" ? camel(param.name) || param.name : param.name;
      const key = keys.has(preferred) ? uniqueName(param.name, keys) : preferred;
      keys.add(key);
      const setter = uniqueName(safeIdentifier(camel(param.name), "param"), setters);
      setters.add(setter);
      return withClientOption({ param, key, setter });
    });
  if (!op.body) return { pathArgs, params };
  const bodySetter = uniqueName(safeIdentifier(camel(op.body.schema.ref ?? "body"), "body"), setters);
  return { pathArgs, params, bodySetter };
}

function clash(ctx: NamingContext, op: OperationModel, first: OperationModel | undefined, wanted: string, used: string, configKey: string): void {
  const other = first ? ` (also wanted by ${first.method.toUpperCase()} ${first.path})` : "";
  ctx.warnings.push({
    severity: "warning",
    rule: "name-clash",
    message: `${op.method.toUpperCase()} ${op.path}: name '${wanted}' is taken${other}; using '${used}'`,
    hint: `choose a name in clientgen.yaml under ${configKey}`,
  });
}
