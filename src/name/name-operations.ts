import { jsonPointer, type Diagnostic } from "../diagnostics.js";
import type { ApiModel, BodyModel, OperationModel, ParamModel } from "../model/api-model.js";
import { camel, pascal, safeIdentifier, uniqueName } from "./identifiers.js";
import { crudVerb, operationName, resourceSegments } from "./default-names.js";
import type { LocalNames, NamedClientParam, NamedOperation, NamedParam } from "./named-api.js";
import { type NameHolder, type NameScope, operationHolder, renamed } from "./rename-warning.js";
import { RESERVED } from "./reserved-names.js";

/** The arguments every generated function and method names alike (NamedApi.locals). */
export const LOCAL_NAMES: LocalNames = { client: "client", params: "params", options: "options" };

/**
 * What generated functions and methods name inside their bodies besides their own function and spec
 * constant: their other arguments and the runtime functions they call. A path argument must not shadow one.
 */
const BODY_NAMES = [...Object.values(LOCAL_NAMES), "body", "requestPage", "requestBuilder"];

export interface NamingContext {
  model: ApiModel;
  clientParams: NamedClientParam[];
  /**
   * Every name declared at the top of some generated file and importable by another: runtime exports,
   * client classes, schema aliases, operation functions and types. Names taken here are added to it.
   */
  scope: NameScope;
  /** Schema alias by component name, for a response that is one `$ref` to a schema. */
  schemaAliases: ReadonlyMap<string, string>;
  warnings: Diagnostic[];
}

export const configKey = (op: OperationModel, field: string): string => `operations.${JSON.stringify(op.key)}.${field}`;

/**
 * Names every operation: its standalone function first (for all operations, so an internal name such
 * as a spec constant never pushes a function the user calls off its name), then its types, spec
 * constant, parameters and places in each style.
 */
export function nameOperations(ctx: NamingContext): NamedOperation[] {
  const fns = ctx.model.operations.map((op) => nameFunction(ctx, op));
  return ctx.model.operations.map((op, i) => {
    const fn = fns[i]!;
    const config = op.names;
    const typeBase = pascal(fn);
    const type = (suffix: string): string => takeType(ctx, op, `${typeBase}${suffix}`);
    const paramsType = type("Params");
    const responseType = schemaResponse(ctx, op, `${typeBase}Response`) ?? type("Response");
    const itemType = op.pagination ? type("Item") : undefined;
    const errorsType = op.errors.some((e) => e.kind === "json") ? type("Errors") : undefined;
    const builderType = type("Builder");
    // Module-private: no user ever writes it, so taking another name needs no warning.
    const specConst = take(ctx.scope, `${fn}Spec`, operationHolder(op));
    const resource = config.resource ?? resourceSegments(op.path);
    const named: NamedOperation = {
      op,
      fn,
      specConst,
      module: `operations/${moduleFile(resource[0])}`,
      paramsType,
      responseType,
      ...nameParams(ctx, op, [fn, specConst]),
      flat: { resource, properties: [], method: config.method ?? crudVerb(op) ?? fn },
      builder: {
        api: `${pascal(config.api ?? op.tags[0] ?? "Default") || "Default"}Api`,
        method: fn,
        type: builderType,
      },
    };
    if (itemType) named.itemType = itemType;
    if (errorsType) named.errorsType = errorsType;
    return named;
  });
}

/** The standalone function: the configured or derived name, unless it is taken or would make `operations/index.ts` thenable. */
function nameFunction(ctx: NamingContext, op: OperationModel): string {
  const wanted = op.names.builderMethod ?? operationName(op);
  const safe = safeIdentifier(wanted, "operation");
  const fn = RESERVED.moduleExports.has(safe) ? uniqueName(`${safe}Operation`, ctx.scope) : uniqueName(safe, ctx.scope);
  if (fn !== wanted) {
    const taken = safe === wanted && !RESERVED.moduleExports.has(safe);
    const why =
      safe !== wanted
        ? "is a reserved word"
        : RESERVED.moduleExports.has(safe)
          ? "would make the operations module thenable"
          : "is taken";
    ctx.warnings.push(
      renamed({
        op,
        what: `function name '${wanted}' ${why}`,
        used: fn,
        configKey: configKey(op, "builderMethod"),
        holder: taken ? ctx.scope.holder(wanted) : undefined,
      }),
    );
  }
  ctx.scope.claim(fn, operationHolder(op));
  return fn;
}

/**
 * A response that is one `$ref` to a schema whose alias is the name its response type would get
 * (`createChatCompletion` answering `CreateChatCompletionResponse`) is that alias, not a numbered copy of it.
 */
function schemaResponse(ctx: NamingContext, op: OperationModel, wanted: string): string | undefined {
  const success = op.success;
  if (success?.kind !== "json" || !success.schema.ref || (op.enveloped && ctx.model.envelope)) return undefined;
  const alias = ctx.schemaAliases.get(success.schema.ref);
  return alias === wanted ? alias : undefined;
}

/** `operations/index.ts` is the barrel of all operations: a resource called `index` gets another file. */
const moduleFile = (resource: string | undefined): string => {
  const file = resource ? kebab(resource) : "root";
  return file === "index" ? "index-resource" : file;
};

export const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();

function take(scope: NameScope, wanted: string, holder: NameHolder): string {
  const name = uniqueName(wanted, scope);
  scope.claim(name, holder);
  return name;
}

/** An exported type of models.ts: a rename is a warning, since users write these names. */
function takeType(ctx: NamingContext, op: OperationModel, wanted: string): string {
  const name = take(ctx.scope, wanted, operationHolder(op));
  if (name !== wanted)
    ctx.warnings.push(
      renamed({
        op,
        what: `type '${wanted}' is taken`,
        used: name,
        configKey: configKey(op, "builderMethod"),
        holder: ctx.scope.holder(wanted),
      }),
    );
  return name;
}

type ParamNames = Pick<NamedOperation, "pathArgs" | "params" | "bodyMode" | "bodySetter">;

function nameParams(ctx: NamingContext, op: OperationModel, usedInBody: string[]): ParamNames {
  // A path argument named like what the function body refers to would shadow it (`class_(class_) { return class_(…) }`).
  const argNames = new Set([...BODY_NAMES, ...usedInBody]);
  const setters = new Set(RESERVED.builderMembers);
  const bodyMode = op.body ? chooseBodyMode(ctx, op, op.body) : undefined;
  const keys = new Set(bodyMode === "fields" ? op.body!.fields.map((f) => f.name) : bodyMode ? ["body"] : []);
  const withClientOption = (named: NamedParam): NamedParam => {
    const cp = ctx.clientParams.find((c) => c.in === named.param.in && c.name === named.param.name);
    return cp ? { ...named, clientOption: cp.option } : named;
  };
  const chosen = (param: ParamModel): string | undefined => op.names.parameters?.[param.name];
  // Renames warn, naming the key that chooses the parameter's name; deriving a name (`user-id` → `userId`) is not a rename.
  const pick = (
    param: ParamModel,
    wanted: string,
    taken: Set<string>,
    what: string,
    safe = (s: string) => s,
  ): string => {
    const name = uniqueName(safe(wanted), taken);
    if (name !== wanted)
      ctx.warnings.push(
        renamed({
          op,
          what: `${what} '${wanted}' of ${param.in} parameter '${param.name}' ${safe(wanted) !== wanted ? "is a reserved word" : "is taken"}`,
          used: name,
          configKey: `${configKey(op, "parameters")}.${JSON.stringify(param.name)}`,
        }),
      );
    taken.add(name);
    return name;
  };
  const pathArgs = op.params
    .filter((p) => p.in === "path")
    .sort((a, b) => op.path.indexOf(`{${a.name}}`) - op.path.indexOf(`{${b.name}}`))
    .map((param) => {
      const key = pick(param, chosen(param) ?? (camel(param.name) || "id"), argNames, "argument", (s) =>
        safeIdentifier(s, "id"),
      );
      setters.add(key);
      return withClientOption({ param, key, setter: key });
    });
  const params = op.params
    .filter((p) => p.in !== "path")
    .map((param) => {
      const own = chosen(param);
      const key = pick(
        param,
        own ?? (param.in === "header" ? camel(param.name) || param.name : param.name),
        keys,
        "key",
      );
      // A setter is a property: reserved words are fine there (`.type("x")`), only the builder's own members are not.
      const setter = pick(param, own ?? (camel(param.name) || "param"), setters, "builder setter");
      return withClientOption({ param, key, setter });
    });
  if (!op.body || !bodyMode) return { pathArgs, params };
  const wanted = op.names.bodySetter ?? (camel(op.body.schema.ref ?? "body") || "body");
  const bodySetter = uniqueName(wanted, setters);
  if (bodySetter !== wanted)
    ctx.warnings.push(
      renamed({
        op,
        what: `body setter '${wanted}' is taken by a parameter's setter`,
        used: bodySetter,
        configKey: configKey(op, "bodySetter"),
      }),
    );
  return { pathArgs, params, bodyMode, bodySetter };
}

/**
 * Object bodies are spread into the params beside the parameters (`{ name, limit }`), unless a field
 * has a parameter's name: then the body is passed whole (`{ limit, body: { name } }`), with a warning.
 */
function chooseBodyMode(ctx: NamingContext, op: OperationModel, body: BodyModel): "fields" | "whole" {
  if (!body.spreadable) return "whole";
  const clash = clashingParam(
    op.params,
    body.fields.map((f) => f.name),
  );
  if (!clash) return "fields";
  ctx.warnings.push({
    severity: "warning",
    rule: "body-passed-whole",
    message: `${op.method.toUpperCase()} ${op.path}: body field '${clash.name}' has the name of the ${clash.in} parameter '${clash.name}', so the body is passed whole as \`body\``,
    hint: "the shape follows the spec: rename the parameter or the body field there to have them side by side",
    pointer: jsonPointer(op.pointer),
  });
  return "whole";
}

/** Path parameters are positional arguments, so only the others share the params object with the fields. */
const clashingParam = (params: ParamModel[], fields: string[]): ParamModel | undefined =>
  params.find((p) => p.in !== "path" && fields.includes(p.name));
