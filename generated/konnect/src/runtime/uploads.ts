/**
 * Files for upload fields: the `Uploadable` type, `toFile`, and the content type a file name implies.
 * No `node:` import: a Node `fs.ReadStream` is recognised by its shape (a `path` and async iteration).
 */

/** A Node `fs.ReadStream` (from `createReadStream(path)`), by shape: its chunks and the path it reads. */
export interface FsReadStreamLike extends AsyncIterable<unknown> {
  path: string | { toString(): string };
  pipe: unknown;
}

/**
 * What an upload field (`format: binary`) accepts: a Blob or File, bytes (ArrayBuffer, typed arrays,
 * a Node Buffer), a web ReadableStream of bytes, or a Node `fs.ReadStream`. The part's filename is the
 * File's name or the read stream's file name; to name anything else, wrap it with `toFile`.
 */
export type Uploadable = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array> | FsReadStreamLike;

export const isFsStream = (v: any): v is FsReadStreamLike =>
  v != null &&
  (typeof v.path == "string" || v.path instanceof Uint8Array) &&
  typeof v.pipe == "function" &&
  !!v[Symbol.asyncIterator];

export const isUploadable = (v: unknown): v is Uploadable =>
  v instanceof Blob ||
  v instanceof ArrayBuffer ||
  ArrayBuffer.isView(v) ||
  v instanceof ReadableStream ||
  isFsStream(v);

/** Content types by file extension, for the types APIs commonly take; others are application/octet-stream. */
const TYPES: Record<string, string> = {
  txt: "text/plain",
  md: "text/markdown",
  csv: "text/csv",
  html: "text/html",
  xml: "application/xml",
  json: "application/json",
  jsonl: "application/jsonl",
  yaml: "application/yaml",
  yml: "application/yaml",
  pdf: "application/pdf",
  zip: "application/zip",
  gz: "application/gzip",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  svg: "image/svg+xml",
  mp3: "audio/mpeg",
  mpga: "audio/mpeg",
  mpeg: "audio/mpeg",
  m4a: "audio/mp4",
  wav: "audio/wav",
  ogg: "audio/ogg",
  flac: "audio/flac",
  webm: "audio/webm",
  mp4: "video/mp4",
};

/** The content type a file name implies by its extension (case-insensitive). */
export function typeOfName(name: string): string {
  const dot = name.lastIndexOf(".");
  return (dot >= 0 && TYPES[name.slice(dot + 1).toLowerCase()]) || "application/octet-stream";
}

/** The last segment of a path, `/` or `\` separated. */
export const baseName = (path: string): string =>
  path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);

/**
 * A named File for an upload field: `await toFile(bytes, "speech.mp3")`, `await toFile(fs.createReadStream(p))`,
 * `await toFile(await fetch(url))`. Streams are read whole. The name defaults to the File's own, the read
 * stream's file name or the Response URL's last segment; the type to `options.type`, else the Blob's own,
 * else the name's extension.
 */
export async function toFile(
  data: Uploadable | Response | AsyncIterable<Uint8Array | string> | PromiseLike<Uploadable | Response>,
  name?: string,
  options: { type?: string } = {},
): Promise<File> {
  const value = await data;
  const own =
    value instanceof File
      ? value.name
      : isFsStream(value)
        ? baseName(String(value.path))
        : value instanceof Response
          ? baseName(new URL(value.url || "x:/").pathname)
          : "";
  const fileName = name ?? (own || "file");
  const blob = await toBlob(value);
  return new File([blob], fileName, { type: options.type ?? (blob.type || typeOfName(fileName)) });
}

/** A part of a Blob, spelled through its constructor: `BlobPart` is a DOM-only name that Node's types lack. */
type Part = NonNullable<ConstructorParameters<typeof Blob>[0]>[number];

async function toBlob(v: unknown): Promise<Blob> {
  if (v instanceof Blob) return v;
  if (v instanceof Response) return v.blob();
  if (v instanceof ArrayBuffer || ArrayBuffer.isView(v)) return new Blob([v as ArrayBuffer]);
  const parts: Part[] = [];
  for await (const chunk of chunks(v)) parts.push(chunk as Part);
  return new Blob(parts);
}

/** The chunks of a web ReadableStream (not async-iterable in every browser) or of any async iterable. */
export async function* chunks(v: unknown): AsyncGenerator<Uint8Array | string> {
  if (v instanceof ReadableStream) {
    const reader = v.getReader();
    try {
      for (let r = await reader.read(); !r.done; r = await reader.read()) yield r.value;
    } finally {
      reader.releaseLock();
    }
  } else yield* v as AsyncIterable<Uint8Array | string>;
}

/** A chunk as bytes: strings in UTF-8, other typed arrays and DataViews over the same memory. */
const bytesOf = (c: unknown): Uint8Array =>
  typeof c == "string"
    ? new TextEncoder().encode(c)
    : c instanceof Uint8Array
      ? c
      : ArrayBuffer.isView(c)
        ? new Uint8Array(c.buffer, c.byteOffset, c.byteLength)
        : new Uint8Array(c as ArrayBuffer);

/** A web ReadableStream over async chunks (strings, bytes), pulled on demand; cancelling it stops their source. */
export function readableFrom(source: AsyncIterable<unknown>): ReadableStream<Uint8Array> {
  const it = (async function* () {
    for await (const c of source) yield bytesOf(c);
  })();
  return new ReadableStream<Uint8Array>({
    async pull(c) {
      const r = await it.next();
      if (r.done) c.close();
      else c.enqueue(r.value);
    },
    async cancel() {
      await it.return(undefined);
    },
  });
}
