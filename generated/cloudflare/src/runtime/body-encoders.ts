/**
 * Request body encoders. An operation with a body names its encoder in its OperationSpec
 * (`body: { mode: "fields", encode: jsonBody }`), so a bundle carries only the encoders its operations
 * use, and operations without a body carry none.
 */
import { queryStyle, scalar } from "./serialize.js";
import type { BodyEncoder, Pairs, RequestDraft } from "./types.js";

type Params = Record<string, unknown>;

/** The body value: `params.body` (`whole`), or every param no other location claims (`fields`). */
function bodyValue({ op, params }: RequestDraft): unknown {
  if (op.body?.mode !== "fields") return params.body;
  const claimed = (k: string) =>
    [op.query, op.headers, op.cookies].some((m) => m && k in m) || op.path.includes(`{${k}}`);
  const fields = Object.entries(params).filter(([k, v]) => v !== undefined && !claimed(k));
  return fields.length ? Object.fromEntries(fields) : undefined;
}

/** What fetch takes as a body, spelled through RequestInit: `BodyInit` is a DOM-only name that Node's types lack. */
type Body = NonNullable<RequestInit["body"]>;

/**
 * Sets the body and its content-type (undefined: fetch decides, e.g. multipart boundaries). A stream
 * goes half-duplex, which also tells the core not to retry: the first attempt consumes it.
 */
function setBody(
  { init, header }: RequestDraft,
  body: Body,
  contentType: string | undefined,
  streamed?: boolean,
): void {
  init.body = body;
  header["content-type"] = contentType;
  if (streamed) init.duplex = "half";
}

/** JSON; a required object body with no fields set is sent as `{}`. */
export const jsonBody: BodyEncoder = (draft) => {
  const b = draft.op.body;
  const value = bodyValue(draft) ?? (b?.required && b.mode === "fields" ? {} : undefined);
  if (value !== undefined) setBody(draft, JSON.stringify(value), b?.contentType ?? "application/json");
};

/** `application/x-www-form-urlencoded`; objects nest with brackets (`a[b]=c`), the convention of form-encoded APIs. */
export const formBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  if (value === undefined) return;
  const pairs: Pairs = [];
  const add = queryStyle("deepObject");
  for (const [k, v] of Object.entries(value as Params)) add(pairs, k, v);
  setBody(draft, new URLSearchParams(pairs), draft.op.body?.contentType);
};

/** `multipart/form-data`: arrays repeat the field, Blobs stay files, objects become JSON. fetch sets the boundary. */
export const multipartBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  if (value !== undefined) setBody(draft, value instanceof FormData ? value : formData(value as Params), undefined);
};

function formData(fields: Params): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x instanceof Blob) fd.append(k, x);
      else if (x != null) fd.append(k, typeof x === "object" && !(x instanceof Date) ? JSON.stringify(x) : scalar(x));
    }
  }
  return fd;
}

export const textBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  if (value !== undefined) setBody(draft, String(value), draft.op.body?.contentType ?? "text/plain");
};

/** Blob, ArrayBuffer, typed arrays and streams pass through; a stream is sent half-duplex and never retried. */
export const binaryBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  if (value !== undefined) setBody(draft, value as Body, draft.op.body?.contentType, value instanceof ReadableStream);
};
