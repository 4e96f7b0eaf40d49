import type { ApiModel } from "../model/api-model.js";
import { pascal, uniqueName } from "./identifiers.js";
import { kebab } from "./name-operations.js";
import type { NamedWebhookEvent, NamedWebhooks, WebhookVerifyNames } from "./named-api.js";
import type { NameScope } from "./rename-warning.js";
import { RESERVED } from "./reserved-names.js";

/** The flat client's property for webhooks: a resource of that name gives way (`webhooksResource`). */
export const WEBHOOKS_PROPERTY = "webhooks";

/**
 * Names of the events an API sends: each payload's type (the schema alias when the spec `$ref`s one,
 * else `<Key>WebhookEvent`), their union, and, with clientgen.yaml's `webhooks` block, the client
 * option for the secret and the builder class. Types come from the shared scope, after the operations'.
 */
export function nameWebhookTypes(
  model: ApiModel,
  scope: NameScope,
  schemaAliases: ReadonlyMap<string, string>,
): Omit<NamedWebhooks, "docFile" | "verify"> | undefined {
  if (model.webhooks.length === 0 && !model.webhookSignature) return undefined;
  const events = model.webhooks.map((event): NamedWebhookEvent => {
    const ref = event.body?.schema.ref;
    const alias = ref ? schemaAliases.get(ref) : undefined;
    if (alias) return { event, type: alias, declared: false };
    if (!event.body || !event.inTypes) return { event, declared: false };
    const type = uniqueName(`${pascal(event.key) || "Payload"}WebhookEvent`, scope);
    scope.claim(type, { label: `webhook '${event.key}'`, pointer: event.pointer });
    return { event, type, declared: true };
  });
  const union = uniqueName("WebhookEvent", scope);
  scope.claim(union, { label: "the union of webhook events" });
  return { events, union };
}

/** The client option, flat property and builder class that verify webhooks, when clientgen.yaml signs them. */
export function nameWebhookVerify(
  model: ApiModel,
  options: readonly string[],
  scope: NameScope,
): WebhookVerifyNames | undefined {
  const signature = model.webhookSignature;
  if (!signature) return undefined;
  const option = uniqueName("webhookSecret", new Set([...RESERVED.clientOptions, ...options]));
  const wanted = ["WebhooksApi", "WebhookEventsApi"].find((n) => !scope.has(n)) ?? "WebhooksApi";
  const builderClass = uniqueName(wanted, scope);
  scope.claim(builderClass, { label: "the webhooks API class" });
  const names: WebhookVerifyNames = {
    option,
    property: WEBHOOKS_PROPERTY,
    builderClass,
    builderFile: `apis/${kebab(builderClass)}`,
  };
  if (signature.secretEnv) names.env = signature.secretEnv;
  return names;
}
