/** Query-string and request-body encoding. Pure functions: no client state. */
import type { BodyEncoding } from "./types.js";
import { isObject } from "./util.js";

export type Pairs = Array<[string, string]>;
export type QueryStyle = { style?: "form" | "spaceDelimited" | "pipeDelimited" | "deepObject"; explode?: boolean };

const scalar = (v: unknown): string => (v instanceof Date ? v.toISOString() : String(v));

/**
 * Appends `value` under `name` following OpenAPI's query styles. No style means form + explode:
 * arrays repeat the key and objects spread their fields.
 */
export function addParam(out: Pairs, name: string, value: unknown, s: QueryStyle = {}): void {
  if (value == null) return;
  if (Array.isArray(value)) {
    const sep = s.style === "spaceDelimited" ? " " : s.style === "pipeDelimited" ? "|" : s.explode === false ? "," : "";
    if (sep) out.push([name, value.map(scalar).join(sep)]);
    else for (const v of value) addParam(out, name, v, s);
  } else if (isObject(value) && !(value instanceof Date)) {
    const entries = Object.entries(value);
    if (s.style === "deepObject") for (const [k, v] of entries) addParam(out, `${name}[${k}]`, v, s);
    else if (s.explode === false) out.push([name, entries.flat().map(scalar).join(",")]);
    else for (const [k, v] of entries) addParam(out, k, v, s);
  } else out.push([name, scalar(value)]);
}

/** Returns the fetch body and the content-type to send (undefined: let fetch decide, e.g. multipart boundaries). */
export function encodeBody(value: unknown, encoding: BodyEncoding, contentType: string): [BodyInit, string | undefined] {
  const ct = contentType.includes("*") ? undefined : contentType;
  switch (encoding) {
    case "json":
      return [JSON.stringify(value), ct ?? "application/json"];
    case "text":
      return [String(value), ct ?? "text/plain"];
    case "form": {
      // Form bodies nest objects with brackets (`a[b]=c`), the convention of form-encoded APIs.
      const pairs: Pairs = [];
      for (const [k, v] of Object.entries(value as object)) addParam(pairs, k, v, { style: "deepObject" });
      return [new URLSearchParams(pairs), ct];
    }
    case "multipart":
      return [value instanceof FormData ? value : toFormData(value), undefined];
    default:
      return [value as BodyInit, ct];
  }
}

function toFormData(value: unknown): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(value as object)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x == null) continue;
      if (x instanceof Blob) fd.append(k, x);
      else fd.append(k, typeof x === "object" && !(x instanceof Date) ? JSON.stringify(x) : scalar(x));
    }
  }
  return fd;
}
