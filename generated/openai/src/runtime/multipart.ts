/**
 * `multipart/form-data` bodies, and the choice between JSON and multipart for operations that offer
 * both. Every part keeps its filename and content type: a File's own, else implied by its name.
 */
import { bodyValue, jsonBody, setBody } from "./body-encoders.js";
import { scalar } from "./serialize.js";
import type { BodyEncoder } from "./types.js";
import { baseName, chunks, isFsStream, isUploadable, readableFrom, typeOfName } from "./uploads.js";

type Params = Record<string, unknown>;

/** A part's value: an upload, a string, or (objects) JSON; dates and numbers as serialised in URLs. */
const text = (x: unknown): string => (typeof x === "object" && !(x instanceof Date) ? JSON.stringify(x) : scalar(x));

/** Each field's values: arrays repeat the field, null and undefined leave it out. */
const entries = (fields: Params): Array<[string, unknown]> =>
  Object.entries(fields).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).filter((x) => x != null).map((x): [string, unknown] => [k, x]),
  );

/**
 * Arrays repeat the field, objects become JSON, uploads become files. Uploads held in memory (Blobs,
 * bytes) go as FormData, which fetch encodes and a retry can send again; a stream is sent as it is
 * read, in a body built here (half-duplex, so never retried), rather than held whole in memory.
 */
export const multipartBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  if (value === undefined) return;
  if (value instanceof FormData) return setBody(draft, value, undefined);
  const parts = entries(value as Params);
  const streamed = parts.some(([, x]) => x instanceof ReadableStream || isFsStream(x));
  if (!streamed) return setBody(draft, formData(parts), undefined);
  const boundary = `clientgen-${crypto.getRandomValues(new Uint32Array(4)).join("-")}`;
  setBody(draft, streamBody(parts, boundary), `multipart/form-data; boundary=${boundary}`, true);
};

function formData(parts: Array<[string, unknown]>): FormData {
  const fd = new FormData();
  for (const [k, x] of parts) {
    if (x instanceof Blob) {
      const name = x instanceof File ? x.name : "blob";
      // A File made without a type (`new File([bytes], "a.mp3")`) gets the one its name implies.
      fd.append(k, x.type ? x : new File([x], name, { type: typeOfName(name) }), name);
    } else if (isUploadable(x)) fd.append(k, new Blob([x as ArrayBuffer], { type: typeOfName("") }), "blob");
    else fd.append(k, text(x));
  }
  return fd;
}

/** The HTML rule for names in part headers: `"`, CR and LF percent-encoded. */
const quote = (s: string) => `"${s.replace(/["\r\n]/g, (c) => encodeURIComponent(c))}"`;

/** The multipart body as bytes read on demand: each stream part is read only as the upload proceeds. */
function streamBody(parts: Array<[string, unknown]>, boundary: string): ReadableStream<Uint8Array> {
  async function* bytes(): AsyncGenerator<unknown> {
    for (const [k, x] of parts) {
      const head = `--${boundary}\r\nContent-Disposition: form-data; name=${quote(k)}`;
      if (!isUploadable(x)) {
        yield `${head}\r\n\r\n${text(x)}\r\n`;
        continue;
      }
      const name = x instanceof File ? x.name : isFsStream(x) ? baseName(String(x.path)) : "blob";
      const type = (x instanceof Blob && x.type) || typeOfName(name);
      yield `${head}; filename=${quote(name)}\r\nContent-Type: ${type}\r\n\r\n`;
      if (x instanceof ArrayBuffer || ArrayBuffer.isView(x)) yield x;
      else yield* chunks(x instanceof Blob ? x.stream() : x);
      yield "\r\n";
    }
    yield `--${boundary}--\r\n`;
  }
  return readableFrom(bytes());
}

/**
 * For an operation offering JSON and multipart/form-data: multipart when any field holds an
 * Uploadable (at the top level or in an array), JSON otherwise, which is what such APIs expect when
 * no file is sent (rev.ai's `POST /jobs`: a `media_url` as JSON, or the media itself as a file).
 */
export const jsonOrMultipartBody: BodyEncoder = (draft) => {
  const value = bodyValue(draft);
  const upload = value != null && typeof value == "object" && entries(value as Params).some(([, x]) => isUploadable(x));
  if (upload) return multipartBody(draft);
  // The operation's content type (if any) names the multipart one; JSON goes as JSON.
  const body = draft.op.body;
  jsonBody(body?.contentType ? { ...draft, op: { ...draft.op, body: { ...body, contentType: undefined } } } : draft);
};
