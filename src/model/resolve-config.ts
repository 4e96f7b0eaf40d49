import { encodeSegment } from "../load/json-pointer.js";
import type { ProviderConfig, StreamingConfig } from "../load/provider-config.js";
import type { ApiModel, OperationModel, SecuritySchemeModel } from "./api-model.js";
import { isFramedEventSchema } from "./framed-events.js";
import { applyPagination } from "./recognise-pagination.js";
import { schemaFacts } from "./schema-facts.js";

type ClientConfig = Pick<
  ApiModel,
  "names" | "credentials" | "clientParams" | "envelope" | "idempotencyHeader" | "requestIdHeader" | "webhookSignature"
>;

/** clientgen.yaml's client-wide settings, as the model carries them: later stages never read the config. */
export function resolveClientConfig(config: ProviderConfig): ClientConfig {
  const names: ApiModel["names"] = {};
  if (config.name) names.client = config.name;
  if (config.packageName) names.packageName = config.packageName;
  const resolved: ClientConfig = {
    names,
    credentials: Object.entries(config.credentials).map(([option, c]) => ({ option, ...c })),
    clientParams: Object.entries(config.clientParams).map(([option, p]) => ({ option, ...p })),
  };
  if (config.envelope) resolved.envelope = config.envelope;
  if (config.idempotencyHeader) resolved.idempotencyHeader = config.idempotencyHeader;
  if (config.requestIdHeader) resolved.requestIdHeader = config.requestIdHeader.toLowerCase();
  if (config.webhooks) {
    const { signature, secretEnv } = config.webhooks;
    resolved.webhookSignature = secretEnv ? { scheme: signature, secretEnv } : { scheme: signature };
  }
  return resolved;
}

/** An operation's names, pagination and streaming from clientgen.yaml, and whether the client's envelope wraps its response. */
export function applyOperationConfig(
  op: OperationModel,
  config: ProviderConfig,
  model: Pick<ApiModel, "envelope">,
  root: unknown,
): void {
  const own = config.operations[op.key] ?? {};
  if (own.resource) op.names.resource = own.resource.split(".");
  if (own.method) op.names.method = own.method;
  if (own.api) op.names.api = own.api;
  if (own.builderMethod) op.names.builderMethod = own.builderMethod;
  if (own.parameters) op.names.parameters = { ...own.parameters };
  if (own.bodySetter) op.names.bodySetter = own.bodySetter;
  applyPagination(op, own.pagination);
  if (own.streaming) declareStream(op, own.streaming, root);
  const success = op.success;
  op.enveloped = !!model.envelope && success?.kind === "json" && !!success.properties?.includes(model.envelope.result);
}

/**
 * The event stream clientgen.yaml's `streaming` adds to a JSON success the spec gives none (the check
 * has made sure of that, of the boolean body property and of the event schema): from then on it is
 * what a spec declaring both would give.
 */
function declareStream(op: OperationModel, streaming: StreamingConfig, root: unknown): void {
  if (op.success?.kind !== "json") return;
  const $ref = `#/components/schemas/${encodeSegment(streaming.event)}`;
  const type = ["components", "schemas", streaming.event];
  op.success.events = { schema: schemaFacts(root, { $ref }), type, param: streaming.param ?? "stream" };
  if (isFramedEventSchema(root, { $ref })) op.success.framedEvents = true;
}

/**
 * Security schemes clientgen.yaml adds to a spec that lacks them, as the spec's own would be modelled,
 * and the top-level security they make: when the spec has none, any one of them (or, unless one is
 * `required`, nothing), so the credential is sent when given.
 */
export function addConfigSchemes(model: Pick<ApiModel, "securitySchemes" | "security">, config: ProviderConfig): void {
  const added = Object.entries(config.securitySchemes);
  for (const [name, s] of added) {
    const base = s.description ? { name, description: s.description } : { name };
    const scheme: SecuritySchemeModel =
      s.type === "apiKey" ? { ...base, kind: "apiKey", in: s.in, paramName: s.name } : { ...base, kind: s.type };
    model.securitySchemes.push(scheme);
  }
  if (added.length === 0 || model.security.some((alt) => alt.length > 0)) return;
  model.security = [...added.map(([name]) => [name]), ...(added.some(([, s]) => s.required) ? [] : [[]])];
}
