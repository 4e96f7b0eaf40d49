import type { NamedApi, NamedOperation } from "../name/named-api.js";
import type { OperationSpec } from "../runtime/types.js";
import { envelopeApplies } from "./type-exprs.js";

/** The runtime descriptor of one operation, as plain data (emitted as an object literal). */
export function operationSpec(api: NamedApi, named: NamedOperation): OperationSpec {
  const { op } = named;
  const spec: OperationSpec = { id: op.key, method: op.method, path: op.path };
  if (named.pathArgs.length) spec.pathParams = named.pathArgs.map((a) => a.param.name);
  const byLocation = (location: string) => {
    const entries = named.params.filter((p) => p.param.in === location).map((p) => [p.key, p.param.name] as const);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  const query = byLocation("query");
  const headers = byLocation("header");
  const cookies = byLocation("cookie");
  if (query) spec.query = query;
  const styles = named.params.filter((p) => p.param.in === "query" && ((p.param.style && p.param.style !== "form") || p.param.explode === false));
  if (styles.length) {
    spec.queryStyle = Object.fromEntries(
      styles.map((p) => [p.key, { ...(p.param.style ? { style: p.param.style as "form" } : {}), ...(p.param.explode !== undefined ? { explode: p.param.explode } : {}) }]),
    );
  }
  if (headers) spec.headers = headers;
  if (cookies) spec.cookies = cookies;
  if (op.body) spec.body = { mode: op.body.mode, encoding: op.body.encoding, contentType: op.body.contentType, ...(op.body.required ? { required: true } : {}) };
  const kind = op.success?.kind ?? "void";
  if (kind !== "json") spec.response = kind;
  if (op.security) spec.security = op.security;
  if (op.pagination) spec.pagination = op.pagination;
  if (api.model.config.envelope && !envelopeApplies(api.model, named)) spec.envelope = false;
  return spec;
}
