import type { BodyModel, FieldModel, ParamModel, SchemaFacts, TypePath } from "../../model/api-model.js";
import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import { isIdentifier, propertyKey } from "../../ts-syntax.js";

/**
 * A TypeScript type expression as data: its text, and the names it refers to by the module that
 * exports them, so the file that writes it imports exactly those (see imports.ts).
 */
export interface TypeExpr {
  text: string;
  uses: readonly TypeUse[];
}

/** A name a type expression refers to: `paths` from `types`, `Invite` from `models`. Modules are paths under src/ without extension. */
export interface TypeUse {
  module: string;
  name: string;
}

/** A type that needs no import: `string`, `Response`, `void`. */
export const plainType = (text: string): TypeExpr => ({ text, uses: [] });

/** A type models.ts exports: a schema alias or an operation's params, response or item type. */
export const modelType = (name: string): TypeExpr => ({ text: name, uses: [{ module: "models", name }] });

/** A new expression from parts: `parts` are joined into `text`, their uses kept. */
export function composeType(text: (...texts: string[]) => string, ...parts: TypeExpr[]): TypeExpr {
  return { text: text(...parts.map((p) => p.text)), uses: parts.flatMap((p) => p.uses) };
}

/**
 * A type pointing into openapi-typescript's `types.ts`. Optional containers (`parameters.query`,
 * `requestBody`) are unwrapped with NonNullable so members can be indexed.
 */
export function indexedType(path: TypePath): TypeExpr {
  let text = path[0]!;
  for (let i = 1; i < path.length; i++) {
    text += `[${JSON.stringify(path[i])}]`;
    if ((i === 4 && path[3] === "parameters") || (i === 3 && path[3] === "requestBody")) text = `NonNullable<${text}>`;
  }
  return { text, uses: [{ module: "types", name: path[0]! }] };
}

/** `Invite` when the spec used a plain `$ref` to a component schema, else undefined. */
export function schemaAlias(api: NamedApi, ref: string | undefined): TypeExpr | undefined {
  const alias = ref ? api.schemas.find((s) => s.name === ref)?.alias : undefined;
  return alias ? modelType(alias) : undefined;
}

const PRIMITIVES: Record<string, string> = {
  string: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
};

/**
 * The type a parameter reads best as, wherever it is written (flat and builder signatures, setters):
 * `string` for a primitive without an enum (a `$ref` to one included: openapi-typescript makes the
 * same `string`), the schema alias for a `$ref` to anything else, else its type in `types.ts`.
 */
export function paramType(api: NamedApi, param: ParamModel): TypeExpr {
  return readableType(api, param.schema) ?? indexedType(param.type);
}

/** `string`, `number | null` or a schema alias, where that is the type openapi-typescript makes for `facts`. */
function readableType(api: NamedApi, facts: SchemaFacts): TypeExpr | undefined {
  const { type, enum: values, nullable, ref } = facts;
  const primitive = !values && type ? PRIMITIVES[type] : undefined;
  if (primitive) return plainType(nullable ? `${primitive} | null` : primitive);
  return schemaAlias(api, ref);
}

/**
 * A field of an object body spread into the params, read like a parameter (`string`, `Invite`), else
 * the body type's member (`InviteRequest["role"]`), which is the type openapi-typescript made for it.
 */
export function bodyFieldType(api: NamedApi, named: NamedOperation, field: FieldModel): TypeExpr {
  // openapi-typescript types a file as `string`; the runtime sends any Uploadable as a file part.
  const sent = named.op.body;
  if (sent && multipartCapable(sent) && isFileField(field)) return fileType(field);
  const readable = readableType(api, field.schema);
  const body = bodyType(api, named);
  if (readable || !body) return readable ?? plainType("unknown");
  const nullable = named.op.body?.schema.nullable;
  return composeType((b) => `${nullable ? `NonNullable<${b}>` : wrapForIndex(b)}[${JSON.stringify(field.name)}]`, body);
}

/** The response body as sent, before any envelope is removed. */
export function rawResponseType(api: NamedApi, named: NamedOperation): TypeExpr {
  const success = named.op.success;
  if (!success || success.kind === "void") return plainType("void");
  if (success.kind === "text") return plainType("string");
  // The fetch Response, unread (as openai-node): its body streams, `.arrayBuffer()` and `.blob()` read it whole.
  if (success.kind === "binary") return plainType("Response");
  if (success.kind === "sse") return streamType(eventType(api, success.schema, success.type));
  const body =
    schemaAlias(api, success.schema.ref) ?? (success.type ? indexedType(success.type) : plainType("unknown"));
  return withDefaultsRequired(body, success.defaulted);
}

/**
 * `Job & Required<Pick<Job, "status">>`: the fields a response schema gives a default are present in
 * what the server sends, though types.ts makes them optional for the requests that share the schema.
 */
function withDefaultsRequired(body: TypeExpr, defaulted: readonly string[] | undefined): TypeExpr {
  if (!defaulted?.length) return body;
  const keys = defaulted.map((k) => JSON.stringify(k)).join(" | ");
  return composeType((t) => `${wrapForIndex(t)} & Required<Pick<${t}, ${keys}>>`, body);
}

/** `Stream<T>`, the runtime's iterable of events. */
const streamType = (event: TypeExpr): TypeExpr => ({
  text: `Stream<${event.text}>`,
  uses: [...event.uses, { module: "runtime/index", name: "Stream" }],
});

/** An event's type: the event stream's schema alias, else its type in types.ts; `unknown` when the spec gives no schema. */
function eventType(api: NamedApi, schema: SchemaFacts, type: TypePath | undefined): TypeExpr {
  if (!type || (schema.shape.kind === "unknown" && !schema.type && !schema.ref)) return plainType("unknown");
  return schemaAlias(api, schema.ref) ?? indexedType(type);
}

/**
 * Whether the request's `stream` field (streamFlag) chooses between JSON and an event stream (the runtime reads it
 * from the params object, so only a body spread into the params qualifies).
 */
export const streamsOnRequest = (named: NamedOperation): boolean =>
  !!named.op.success?.events && named.bodyMode === "fields";

/** The body field whose `true` asks an operation that streams on request for the stream: `stream`, unless clientgen.yaml names another. */
export const streamFlag = (named: NamedOperation): string => named.op.success?.events?.param ?? "stream";

/** `Stream<Chunk>` of an operation that streams on request, else undefined. */
export function requestedStreamType(api: NamedApi, named: NamedOperation): TypeExpr | undefined {
  const events = named.op.success?.events;
  return events && streamsOnRequest(named) ? streamType(eventType(api, events.schema, events.type)) : undefined;
}

/** What the caller's promise resolves to: the envelope's result when one applies. */
export function resultType(api: NamedApi, named: NamedOperation): TypeExpr {
  const raw = rawResponseType(api, named);
  const envelope = api.model.envelope;
  return envelope && named.op.enveloped
    ? composeType((t) => `${wrapForIndex(t)}[${JSON.stringify(envelope.result)}]`, raw)
    : raw;
}

/** The element type of a paginated list, read from the raw body at `pagination.items`. */
export function itemTypeExpr(api: NamedApi, named: NamedOperation): TypeExpr {
  const keys = (named.op.pagination?.items ?? "").split(".").filter(Boolean);
  return composeType(
    (raw) => {
      let expr = wrapForIndex(raw);
      for (const key of keys) expr = `NonNullable<${expr}[${JSON.stringify(key)}]>`;
      // The last key's NonNullable already makes it indexable; only a bare body needs one here.
      return keys.length ? `${expr}[number]` : `NonNullable<${expr}>[number]`;
    },
    rawResponseType(api, named),
  );
}

const wrapForIndex = (expr: string): string => (isIdentifier(expr) || expr.endsWith("]") ? expr : `(${expr})`);

/** The body's type: the schema alias when the spec used a plain $ref, its file fields `Uploadable` when it can go as multipart. */
export function bodyType(api: NamedApi, named: NamedOperation): TypeExpr | undefined {
  const body = named.op.body;
  if (!body) return undefined;
  if (body.encoding === "binary") return plainType("Blob | ArrayBuffer | Uint8Array | ReadableStream");
  const declared = schemaAlias(api, body.schema.ref) ?? indexedType(body.type);
  const files = multipartCapable(body) ? body.fields.filter(isFileField) : [];
  if (!files.length) return declared;
  // openapi-typescript types a file as `string`; the runtime sends any Uploadable as a file part.
  const omitted = files.map((f) => JSON.stringify(f.name)).join(" | ");
  const members = files.map((f) => `${propertyKey(f.name)}${f.required ? "" : "?"}: ${fileType(f).text}`);
  return {
    text: `Omit<${declared.text}, ${omitted}> & { ${members.join("; ")} }`,
    uses: [...declared.uses, UPLOADABLE],
  };
}

const UPLOADABLE: TypeUse = { module: "runtime/index", name: "Uploadable" };

/** `Uploadable`, `Uploadable[]`, with `| null` when the schema allows it. */
function fileType(field: FieldModel): TypeExpr {
  const type = isFile(field.schema) ? "Uploadable" : "Uploadable[]";
  return { text: field.schema.nullable ? `${type} | null` : type, uses: [UPLOADABLE] };
}

const isFileField = (f: FieldModel): boolean => isFile(f.schema) || isFile(f.schema.items);

/** A body sent as multipart/form-data, always or (`jsonOrMultipartBody`) when a field holds a file. */
export const multipartCapable = (body: BodyModel): boolean =>
  body.encoding === "multipart" || (body.encoding === "json" && body.alternatives.some(isMultipart));

const isMultipart = (contentType: string): boolean => /^multipart\/form-data\b/i.test(contentType);

/** A file field: `format: binary` (3.0) or a `contentMediaType` (3.1). */
const isFile = (facts: SchemaFacts | undefined): boolean =>
  !!facts && (facts.format === "binary" || facts.contentMediaType !== undefined) && facts.type !== "array";

/** Whether the params argument must be given: a required parameter (not filled by the client) or a required body. */
export function paramsRequired(named: NamedOperation): boolean {
  return !!named.op.body?.required || named.params.some((p) => p.param.required && !p.clientOption);
}

export function hasParamsArg(named: NamedOperation): boolean {
  return named.params.length > 0 || !!named.op.body;
}
