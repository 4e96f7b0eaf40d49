import type { Diagnostic } from "../diagnostics.js";
import { eachOperation } from "../load/each-operation.js";
import { deref } from "../load/follow-ref.js";
import { HTTP_METHODS, isObject, type Json } from "../load/json-helpers.js";
import type { Pointer } from "../load/json-pointer.js";
import type { LoadedSpec } from "../load/load-spec.js";
import type { WebhookModel } from "./api-model.js";
import { buildBody, copyDocs } from "./build-operation.js";

/**
 * The events an API sends: 3.1 `webhooks` (OpenAPI 3.1 §4.8.1.1), then the `callbacks` of each
 * operation (§4.8.10.1), in spec order. Each event's payload is its operation's request body.
 */
export function buildWebhooks(spec: LoadedSpec, notes: Diagnostic[]): WebhookModel[] {
  const root = spec.data;
  const out: WebhookModel[] = [];
  const webhooks = isObject(root.webhooks) ? root.webhooks : {};
  for (const [name, raw] of Object.entries(webhooks))
    out.push(...eventsOf(root, name, raw, ["webhooks", name], ["webhooks", name]));
  for (const found of eachOperation(root)) {
    const callbacks = isObject(found.operation.callbacks) ? found.operation.callbacks : {};
    for (const [name, raw] of Object.entries(callbacks)) {
      const at = [...found.pointer, "callbacks", name];
      const expressions = Object.entries(deref(root, raw).value ?? {});
      const events = expressions.flatMap(([expr, item]) => eventsOf(root, `${found.key}.${name}`, item, [...at, expr]));
      // Two expressions or methods of one callback: the key says which.
      if (events.length > 1) events.forEach((e, i) => (e.key = `${e.key}.${i + 1}`));
      out.push(...events);
    }
  }
  for (const event of out) {
    if (event.inTypes || !event.body || event.body.schema.ref) continue;
    notes.push(
      spec.diagnostic(event.pointer, {
        severity: "warning",
        rule: "callback-untyped",
        message: `the payload of callback ${event.key} is typed unknown: its schema is not a $ref to components.schemas`,
        hint: "openapi-typescript leaves callbacks out of types.ts; move the payload schema to components.schemas and $ref it",
      }),
    );
  }
  return out;
}

/**
 * One event per method of a path item: its key gets the method only when there are several. `type`
 * is the path item's place in types.ts, which only webhooks have.
 */
function eventsOf(root: Json, key: string, raw: unknown, at: Pointer, type?: string[]): WebhookModel[] {
  const item = deref(root, raw).value;
  if (!item) return [];
  const methods = HTTP_METHODS.filter((m) => isObject(item[m]));
  return methods.map((method) => {
    const operation = item[method] as Json;
    const pointer = [...at, method];
    const event: WebhookModel = {
      key: methods.length > 1 ? `${key}.${method}` : key,
      method,
      pointer,
      inTypes: !!type,
    };
    copyDocs(event, operation);
    const body = buildBody(root, operation.requestBody, [...(type ?? []), method, "requestBody"]);
    if (body) event.body = body;
    return event;
  });
}
