import type { NamedApi, NamedWebhooks, WebhookVerifyNames } from "../../name/named-api.js";
import type { Imports } from "./imports.js";
import { INDENT, jsDoc, line } from "./source-writer.js";
import { indexedType, modelType, plainType, type TypeExpr } from "./type-exprs.js";

/** What models.ts says of the events an API sends: a type for each payload not already a schema alias, then their union. */
export function webhookTypes(api: NamedApi, imports: Imports): string {
  const hooks = api.webhooks;
  if (!hooks) return "";
  const out: string[] = [];
  for (const { event, type, declared } of hooks.events) {
    if (!declared || !type || !event.body) continue;
    const what = `Payload of the \`${event.key}\` webhook (${event.method.toUpperCase()}).`;
    out.push("\n", jsDoc({ ...event, summary: what }));
    out.push(line(`export type ${type} = ${imports.typeText(indexedType(event.body.type))};`));
  }
  const members = unionMembers(hooks);
  const doc = `Every event the API sends (its webhooks${hooks.events.some((e) => !e.event.inTypes) ? " and callbacks" : ""})${hooks.verify ? `: what \`client.${hooks.verify.property}.unwrap()\` resolves to` : ""}.`;
  out.push("\n", jsDoc({ description: doc }));
  const texts = members.map((m) => imports.typeText(m));
  const one = `export type ${hooks.union} = ${texts.join(" | ")};`;
  out.push(
    one.length <= 120
      ? line(one)
      : line(`export type ${hooks.union} =\n${texts.map((t) => `${INDENT}| ${t}`).join("\n")};`),
  );
  return out.join("");
}

/**
 * Each payload's type once, in spec order (an event without a body sends nothing to unwrap); `unknown`
 * when one is untyped (it would swallow the rest) or there are none.
 */
function unionMembers(hooks: NamedWebhooks): TypeExpr[] {
  const sent = hooks.events.filter((e) => e.event.body);
  if (sent.length === 0 || sent.some((e) => !e.type)) return [plainType("unknown")];
  return [...new Set(sent.map((e) => e.type!))].map(modelType);
}

/** Where the secret comes from when a call gives none, for doc comments and pages. */
export const secretText = (verify: WebhookVerifyNames): string =>
  `The secret defaults to the \`${verify.option}\` option${verify.env ? `, then \`process.env.${verify.env}\`` : ""}.`;
