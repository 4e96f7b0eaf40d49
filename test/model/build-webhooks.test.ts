/**
 * Webhooks (3.1) and callbacks (3.0) as the model and the name stage see them: one event per
 * operation, its payload, and the names models.ts and the clients give them.
 */
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../src/load/load-spec.js";
import { emptyConfig, type ProviderConfig } from "../../src/load/provider-config.js";
import { readConfig } from "../../src/load/read-config.js";
import { buildModel } from "../../src/model/build-model.js";
import { nameApi } from "../../src/name/name-api.js";
import { fixture, projectRoot } from "../helpers/generate.js";
import { modelOf, specWith } from "../helpers/model.js";

function modelFrom(path: string, config: ProviderConfig = emptyConfig()) {
  const { spec, errors } = loadSpec(path, projectRoot);
  if (!spec) throw new Error(errors.map((e) => e.message).join("\n"));
  return buildModel(spec, config);
}

const hooksConfig = () => readConfig(fixture("specs", "webhooks", "clientgen.yaml"), projectRoot).loaded.config;

describe("3.1 webhooks", () => {
  const model = modelFrom(fixture("specs", "webhooks", "openapi.yaml"), hooksConfig());

  it("one event per webhook, in spec order, with its payload and its place in types.ts", () => {
    expect(model.webhooks.map((w) => [w.key, w.method, w.body?.schema.ref, w.inTypes])).toEqual([
      ["batch_cancelled", "post", "WebhookBatchCancelled", true],
      ["batch_completed", "post", "WebhookBatchCompleted", true],
      ["response_completed", "post", "WebhookResponseCompleted", true],
      ["ping", "post", undefined, true],
    ]);
    expect(model.webhooks[3]!.body!.type).toEqual([
      "webhooks",
      "ping",
      "post",
      "requestBody",
      "content",
      "application/json",
    ]);
    expect(model.webhooks[0]!.description).toBe("Sent when a batch has been cancelled.");
  });

  it("no longer warns that webhooks are skipped", () => {
    expect(model.notes.map((n) => n.rule)).not.toContain("webhooks-skipped");
  });

  it("clientgen.yaml's block reaches the model", () => {
    expect(model.webhookSignature).toEqual({ scheme: "standard-webhooks", secretEnv: "HOOKS_WEBHOOK_SECRET" });
  });

  it("names: schema aliases for $ref'd payloads, a declared type for the inline one, the union, the option and classes", () => {
    const hooks = nameApi(model, "hooks").webhooks!;
    expect(hooks.events.map((e) => [e.type, e.declared])).toEqual([
      ["WebhookBatchCancelled", false],
      ["WebhookBatchCompleted", false],
      ["WebhookResponseCompleted", false],
      ["PingWebhookEvent", true],
    ]);
    expect(hooks.union).toBe("WebhookEvent");
    expect(hooks.docFile).toBe("docs/webhooks.md");
    expect(hooks.verify).toEqual({
      option: "webhookSecret",
      env: "HOOKS_WEBHOOK_SECRET",
      property: "webhooks",
      builderClass: "WebhooksApi",
      builderFile: "apis/webhooks-api",
    });
  });

  it("without the block: the types and the page, nothing to verify them with", () => {
    const hooks = nameApi(modelFrom(fixture("specs", "webhooks", "openapi.yaml")), "hooks").webhooks!;
    expect(hooks.union).toBe("WebhookEvent");
    expect(hooks.verify).toBeUndefined();
  });

  it("a resource called webhooks gives the property way, as it would to a member of the client; names taken move on", () => {
    const doc = {
      ...specWith(
        {
          "/webhooks": {
            get: { operationId: "listWebhooks", tags: ["Webhooks"], responses: { "204": { description: "none" } } },
          },
        },
        { schemas: { WebhookEvent: { type: "object" } } },
      ),
      webhooks: {
        ping: { post: { requestBody: { content: { "application/json": { schema: { type: "object" } } } } } },
      },
    };
    const api = nameApi(modelOf(doc, { webhooks: { signature: "standard-webhooks" } }), "x");
    expect(api.flat.children.map((c) => c.property)).toEqual(["webhooksResource"]);
    expect(api.webhooks!.union).toBe("WebhookEvent2");
    expect(api.webhooks!.verify!.builderClass).toBe("WebhookEventsApi");
    expect(api.webhooks!.verify!.env).toBeUndefined();
  });

  it("an API that sends nothing and has no block has no webhooks", () => {
    expect(nameApi(modelOf(specWith({})), "x").webhooks).toBeUndefined();
  });
});

describe("3.0 callbacks", () => {
  const model = modelFrom(fixture("specs", "callbacks.yaml"));

  it("each callback of an operation is an event keyed by the operation and callback name", () => {
    expect(model.webhooks.map((w) => [w.key, w.method, w.body?.schema.ref, w.inTypes, w.summary])).toEqual([
      ["createSubscription.onEvent", "post", "Event", false, "An event happened."],
      ["createSubscription.onPing", "post", undefined, false, undefined],
    ]);
    expect(model.webhooks[0]!.pointer).toEqual([
      "paths",
      "/subscriptions",
      "post",
      "callbacks",
      "onEvent",
      "{$request.body#/callbackUrl}",
      "post",
    ]);
  });

  it("an inline payload, which types.ts lacks, is typed unknown with a warning where it is; no callbacks-skipped warning", () => {
    expect(model.notes.map((n) => n.rule)).not.toContain("callbacks-skipped");
    const untyped = model.notes.filter((n) => n.rule === "callback-untyped");
    expect(untyped.map((n) => [n.severity, n.location?.line])).toEqual([["warning", 41]]);
    const hooks = nameApi(model, "subs").webhooks!;
    expect(hooks.events.map((e) => e.type)).toEqual(["EventModel", undefined]);
  });
});
