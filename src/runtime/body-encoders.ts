/**
 * Request body encoders. An operation with a body names its encoder in its OperationSpec
 * (`body: { mode: "fields", encode: jsonBody }`), so a bundle carries only the encoders its operations
 * use, and operations without a body carry none.
 */
import { queryStyle, scalar } from "./serialize.js";
import type { BodyEncoder, OperationSpec, Pairs } from "./types.js";

type Params = Record<string, unknown>;

/** The body value: `params.body` (`whole`), or every param no other location claims (`fields`). */
function bodyValue(op: OperationSpec, params: Params): unknown {
  if (op.body?.mode !== "fields") return params.body;
  const claimed = (k: string) => [op.query, op.headers, op.cookies].some((m) => m && k in m) || op.pathParams?.includes(k);
  const fields = Object.entries(params).filter(([k, v]) => v !== undefined && !claimed(k));
  return fields.length ? Object.fromEntries(fields) : undefined;
}

/** JSON; a required object body with no fields set is sent as `{}`. */
export const jsonBody: BodyEncoder = (op, params) => {
  const b = op.body;
  const value = bodyValue(op, params) ?? (b?.required && b.mode === "fields" ? {} : undefined);
  return value === undefined ? [] : [JSON.stringify(value), b?.contentType ?? "application/json"];
};

/** `application/x-www-form-urlencoded`; objects nest with brackets (`a[b]=c`), the convention of form-encoded APIs. */
export const formBody: BodyEncoder = (op, params) => {
  const value = bodyValue(op, params);
  if (value === undefined) return [];
  const pairs: Pairs = [];
  const add = queryStyle("deepObject");
  for (const [k, v] of Object.entries(value as Params)) add(pairs, k, v);
  return [new URLSearchParams(pairs), op.body?.contentType];
};

/** `multipart/form-data`: arrays repeat the field, Blobs stay files, objects become JSON. fetch sets the boundary. */
export const multipartBody: BodyEncoder = (op, params) => {
  const value = bodyValue(op, params);
  if (value === undefined || value instanceof FormData) return value === undefined ? [] : [value];
  const fd = new FormData();
  for (const [k, v] of Object.entries(value as Params)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x instanceof Blob) fd.append(k, x);
      else if (x != null) fd.append(k, typeof x === "object" && !(x instanceof Date) ? JSON.stringify(x) : scalar(x));
    }
  }
  return [fd];
};

export const textBody: BodyEncoder = (op, params) => {
  const value = bodyValue(op, params);
  return value === undefined ? [] : [String(value), op.body?.contentType ?? "text/plain"];
};

/** Blob, ArrayBuffer, typed arrays and streams pass through; a stream is sent half-duplex and never retried. */
export const binaryBody: BodyEncoder = (op, params) => {
  const value = bodyValue(op, params);
  return value === undefined ? [] : [value as BodyInit, op.body?.contentType, value instanceof ReadableStream];
};
