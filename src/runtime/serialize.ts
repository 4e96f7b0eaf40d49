/** Query-string (and Cookie header) serialisation. Pure functions: no client state. */
import type { Pairs, QueryEncoder } from "./types.js";
import { isObject } from "./util.js";

export const scalar = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/**
 * Appends `value` under `name` as OpenAPI's default query style (form + explode): arrays repeat the
 * key and objects spread their fields. `add` handles the items and fields, so a styled encoder can
 * reuse this for whatever its style leaves as the default.
 */
export function addParam(out: Pairs, name: string, value: unknown, add: QueryEncoder = addParam): void {
  if (Array.isArray(value)) for (const v of value) add(out, name, v);
  else if (isObject(value) && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) add(out, k, v);
  else if (value != null) out.push([name, scalar(value)]);
}

/**
 * The encoder for a query parameter's non-default style. Generated operations import it only for
 * such parameters, so bundles of the others leave it out.
 */
export function queryStyle(
  style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject",
  explode?: boolean,
): QueryEncoder {
  const sep = style === "spaceDelimited" ? " " : style === "pipeDelimited" ? "|" : explode === false ? "," : "";
  const add: QueryEncoder = (out, name, value) => {
    if (Array.isArray(value) && sep) out.push([name, value.map(scalar).join(sep)]);
    else if (isObject(value) && style === "deepObject")
      for (const [k, v] of Object.entries(value)) add(out, `${name}[${k}]`, v);
    else if (isObject(value) && explode === false) out.push([name, Object.entries(value).flat().map(scalar).join(",")]);
    else addParam(out, name, value, add);
  };
  return add;
}

/** `name=value` pairs (form + explode unless `styles` names another style for a name), joined by `sep`. */
export function serialize(
  values: Record<string, unknown>,
  sep: string,
  encode: (s: string) => string,
  styles?: Record<string, QueryEncoder>,
): string {
  const pairs: Pairs = [];
  for (const k in values) (styles?.[k] ?? addParam)(pairs, k, values[k]);
  // Usually there are none; skipping map/join then is measurably faster per request.
  return pairs.length ? pairs.map((p) => p.map(encode).join("=")).join(sep) : "";
}
