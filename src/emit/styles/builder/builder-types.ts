import type { NamedApi, NamedOperation, NamedParam } from "../../../name/named-api.js";
import { bodyType, composeType, hasParamsArg, modelType, paramType, type TypeExpr } from "../../code/type-exprs.js";

/** One chained setter of an operation's builder: its name, the TypeScript type of its value, and where the value goes. */
export interface BuilderSetter {
  name: string;
  type: TypeExpr;
  /** Must be called before `execute()` type-checks. */
  required: boolean;
  /** The parameter it sets; absent for the body setter. */
  param?: NamedParam;
  /** Key in the operation's params object; absent for a body whose fields are spread into it. */
  key?: string;
}

/**
 * The type a parameter's setter takes: the member of the operation's params type (`ListInvitesParams["limit"]`,
 * the same type, cheaper to check than indexing `paths` again), or, for a parameter a client option
 * fills (optional in the params type, but the setter takes a value), its readable type (`string`).
 */
function paramSetterType(api: NamedApi, named: NamedOperation, p: NamedParam): TypeExpr {
  if (p.clientOption) return paramType(api, p.param);
  return composeType((params) => `${params}[${JSON.stringify(p.key)}]`, modelType(named.paramsType));
}

/** The setters of an operation, in parameter order, the body's last. */
export function builderSetters(api: NamedApi, named: NamedOperation): BuilderSetter[] {
  const setters: BuilderSetter[] = named.params.map((p) => ({
    name: p.setter,
    type: paramSetterType(api, named, p),
    required: p.param.required && !p.clientOption,
    param: p,
    key: p.key,
  }));
  const body = named.op.body;
  const type = bodyType(api, named);
  if (body && type && named.bodySetter) {
    setters.push({
      name: named.bodySetter,
      type,
      required: body.required,
      ...(named.bodyMode === "whole" ? { key: "body" } : {}),
    });
  }
  return setters;
}

/** The runtime's `BuilderSetup` for an operation, as plain data. */
export function builderSetup(named: NamedOperation, setters: BuilderSetter[]): Record<string, unknown> {
  const keyed = setters.filter((s) => s.key !== undefined);
  const fields = setters.find((s) => s.key === undefined);
  const required = setters.filter((s) => s.required).map((s) => s.name);
  return {
    name: named.builder.method,
    keys: keyed.length ? Object.fromEntries(keyed.map((s) => [s.name, s.key])) : undefined,
    fields: fields?.name,
    required: required.length ? required : undefined,
    params: hasParamsArg(named) || undefined,
  };
}

/** `"inviteRequest" | "limit"`, or `never` when nothing is required. */
export function missingUnion(setters: BuilderSetter[]): string {
  const required = setters.filter((s) => s.required).map((s) => JSON.stringify(s.name));
  return required.length ? required.join(" | ") : "never";
}
