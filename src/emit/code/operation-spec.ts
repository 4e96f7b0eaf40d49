import type { NamedApi, NamedOperation } from "../../name/named-api.js";
import type { OperationSpec } from "../../runtime/types.js";
import { RuntimeRef } from "./runtime-ref.js";
import { multipartCapable, streamFlag, streamsOnRequest } from "./type-exprs.js";

type Ref<T> = { [K in keyof T]: T[K] extends Function | undefined ? RuntimeRef : T[K] };

/** OperationSpec as the generator builds it: plain data, with RuntimeRefs where the runtime takes functions. */
export type OperationSpecData = Omit<OperationSpec, "collect" | "queryStyle" | "body" | "response"> & {
  collect?: RuntimeRef;
  response?: RuntimeRef;
  queryStyle?: Record<string, RuntimeRef>;
  body?: Ref<NonNullable<OperationSpec["body"]>>;
};

/** The runtime descriptor of one operation, as plain data (emitted as an object literal by `codeLiteral`). */
export function operationSpec(api: NamedApi, named: NamedOperation): OperationSpecData {
  const { op } = named;
  const spec: OperationSpecData = { id: op.key, method: op.method, path: op.path };
  const byLocation = (location: string) => {
    const entries = named.params.filter((p) => p.param.in === location).map((p) => [p.key, p.param.name] as const);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const query = byLocation("query");
  const headers = byLocation("header");
  const cookies = byLocation("cookie");
  if (query) spec.query = query;
  const styled = named.params.filter(
    (p) => p.param.in === "query" && ((p.param.style && p.param.style !== "form") || p.param.explode === false),
  );
  if (styled.length) {
    const args = (style = "form", explode?: boolean) => (explode === undefined ? [style] : [style, explode]);
    spec.queryStyle = Object.fromEntries(
      styled.map((p) => [p.param.name, new RuntimeRef("queryStyle", args(p.param.style, p.param.explode))]),
    );
  }
  if (headers) spec.headers = headers;
  if (cookies) spec.cookies = cookies;
  const required = named.params
    .filter((p) => p.param.required && p.clientOption)
    .map((p) => `${p.param.in} ${p.param.name}`);
  if (required.length) spec.required = required;
  // Only operations with such parameters bundle the code that reads them.
  if (query || headers || cookies) spec.collect = new RuntimeRef("collectParams");
  if (op.body) {
    const { encoding, contentType, required } = op.body;
    // JSON, or multipart when a field holds a file: the encoder decides per request.
    const either = encoding === "json" && multipartCapable(op.body);
    spec.body = {
      mode: named.bodyMode ?? "whole",
      encode: new RuntimeRef(either ? "jsonOrMultipartBody" : `${encoding}Body`),
    };
    // The runtime sends its default (JSON: application/json; form and multipart: fetch's own) when this is absent.
    if (!either && !contentType.includes("*") && !(encoding === "json" && contentType === "application/json"))
      spec.body.contentType = contentType;
    if (required) spec.body.required = true;
  }
  const kind = op.success?.kind ?? "void";
  const accept = op.success?.contentType;
  // A server may answer 406 (or 422) to an Accept the operation does not declare; `*/*` read as JSON keeps asking for JSON.
  if (accept && !(kind === "json" && (accept === "application/json" || accept.includes("*")))) spec.accept = accept;
  if (kind !== "json") spec.response = new RuntimeRef(`${kind}Response`);
  else if (streamsOnRequest(named)) {
    spec.response = new RuntimeRef("sseOrJSONResponse");
    if (streamFlag(named) !== "stream") spec.streamParam = streamFlag(named);
  }
  if (op.success?.framedEvents) spec.framedEvents = true;
  if (kind === "json" && op.success?.mayBeEmpty) spec.empty = true;
  if (op.security) spec.security = op.security;
  if (op.pagination) spec.pagination = op.pagination;
  if (api.model.envelope && !op.enveloped) spec.envelope = false;
  return spec;
}
