import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import type { ChangeKind, Semver } from "../../src/diff/classify.js";
import { diffPairs, type DiffResult } from "../../src/diff/diff-packages.js";
import { fixture, generateIntoTemp } from "../helpers/generate.js";

// A spec as plain data: the edits below reach into it by path.
type Spec = any;

interface SpecEdit {
  name: string;
  edit(spec: Spec): void;
  semver: Semver;
  /** Changes that must be reported, each as [kind, path, what the message says]. */
  expect: Array<[ChangeKind, string, RegExp]>;
  /** These are all the changes there are: no repeats at other places, no noise. */
  only?: true;
}

const schemas = (s: Spec): Spec => s.components.schemas;
const orders = (s: Spec): Spec => s.paths["/orders"];
const order = (s: Spec): Spec => s.paths["/orders/{order_id}"];

/** Renames a component schema and every `$ref` to it. */
function renameSchema(spec: Spec, from: string, to: string): void {
  schemas(spec)[to] = schemas(spec)[from];
  delete schemas(spec)[from];
  const text = JSON.stringify(spec).split(`"#/components/schemas/${from}"`).join(`"#/components/schemas/${to}"`);
  Object.assign(spec, JSON.parse(text));
}

const edits: SpecEdit[] = [
  {
    name: "remove an operation",
    edit: (s) => delete order(s).delete,
    semver: "major",
    expect: [
      ["breaking", "Shop.orders.delete", /method removed/],
      ["breaking", "cancelOrder", /export removed/],
    ],
  },
  {
    name: "rename an operationId",
    edit: (s) => (order(s).get.operationId = "fetchOrder"),
    semver: "major",
    expect: [
      ["breaking", "getOrder", /export removed/],
      ["compatible", "fetchOrder", /export added/],
      ["breaking", "OrdersApi.getOrder", /method removed/],
    ],
  },
  {
    name: "make a query parameter required",
    edit: (s) => (orders(s).get.parameters[0].required = true),
    semver: "major",
    only: true,
    expect: [
      ["breaking", "ListOrdersParams.limit", /field made required/],
      ["breaking", "Shop.orders.list(params)", /parameter made required/],
      ["breaking", "listOrders(params)", /parameter made required/],
      ["breaking", "ListOrdersBuilder.limit(value)", /type narrowed: no longer undefined/],
      // The builder's internal type argument is told as what the user must now call, and the docs written
      // from the builder's shape (its setters, its example) are not reported again as documentation changes.
      ["breaking", "OrdersApi.listOrders()", /\.execute\(\) now needs \.limit\(…\) first$/],
    ],
  },
  {
    name: "add an optional query parameter",
    edit: (s) => orders(s).get.parameters.push({ name: "cursor", in: "query", schema: { type: "string" } }),
    semver: "minor",
    expect: [["compatible", "ListOrdersParams.cursor", /field added/]],
  },
  {
    name: "add a required query parameter",
    edit: (s) =>
      orders(s).get.parameters.push({ name: "shop", in: "query", required: true, schema: { type: "string" } }),
    semver: "major",
    expect: [["breaking", "ListOrdersParams.shop", /required field added/]],
  },
  {
    name: "add an operation",
    edit: (s) =>
      (order(s).patch = {
        operationId: "updateOrder",
        tags: ["orders"],
        requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/NewOrder" } } } },
        responses: {
          "200": {
            description: "Updated",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Order" } } },
          },
        },
      }),
    semver: "minor",
    expect: [
      ["compatible", "Shop.orders.update", /method added/],
      ["compatible", "updateOrder", /export added/],
    ],
  },
  {
    name: "narrow an enum in a request body",
    edit: (s) => (schemas(s).NewOrder.properties.priority.enum = ["low"]),
    semver: "major",
    only: true,
    expect: [
      ["breaking", "NewOrder.priority", /type narrowed: no longer "high"/],
      // The params interface lists the body's fields too.
      ["breaking", "CreateOrderParams.priority", /type narrowed: no longer "high"/],
    ],
  },
  {
    name: "widen an enum in a request body",
    edit: (s) => schemas(s).NewOrder.properties.priority.enum.push("urgent"),
    semver: "minor",
    only: true,
    expect: [
      ["compatible", "NewOrder.priority", /type widened: now also "urgent"/],
      // The params interface lists the body's fields too.
      ["compatible", "CreateOrderParams.priority", /type widened: now also "urgent"/],
    ],
  },
  {
    name: "widen an enum in a response",
    edit: (s) => schemas(s).Order.properties.status.enum.push("refunded"),
    semver: "major",
    only: true,
    expect: [["breaking", "Order.status", /type widened: now also "refunded"/]],
  },
  {
    name: "narrow an enum in a response",
    edit: (s) => (schemas(s).Order.properties.status.enum = ["open", "paid"]),
    semver: "minor",
    only: true,
    expect: [["compatible", "Order.status", /type narrowed: no longer "shipped"/]],
  },
  {
    name: "change a response field's type",
    edit: (s) => (schemas(s).Order.properties.total = { type: "string" }),
    semver: "major",
    expect: [["breaking", "Order.total", /type changed incompatibly: number → string/]],
  },
  {
    name: "remove a response field",
    edit: (s) => delete schemas(s).Order.properties.note,
    semver: "major",
    only: true,
    expect: [["breaking", "Order.note", /field removed/]],
  },
  {
    name: "add a response field",
    edit: (s) => (schemas(s).Order.properties.currency = { type: "string" }),
    semver: "minor",
    only: true,
    expect: [["compatible", "Order.currency", /field added/]],
  },
  {
    name: "make a response field required",
    edit: (s) => schemas(s).Order.required.push("note"),
    semver: "minor",
    only: true,
    expect: [["compatible", "Order.note", /field made required/]],
  },
  {
    name: "make a response field optional",
    edit: (s) => (schemas(s).Order.required = ["id", "status"]),
    semver: "major",
    only: true,
    expect: [["breaking", "Order.total", /field made optional/]],
  },
  {
    name: "add a model",
    edit: (s) => (schemas(s).Refund = { type: "object", properties: { amount: { type: "integer" } } }),
    semver: "minor",
    only: true,
    expect: [["compatible", "Refund", /export added/]],
  },
  {
    name: "change a description only",
    edit: (s) => (schemas(s).NewOrder.properties.sku.description = "The product's stock keeping unit."),
    semver: "patch",
    only: true,
    expect: [
      ["none", "NewOrder.sku", /documentation changed/],
      // The params interface lists the body's fields too.
      ["none", "CreateOrderParams.sku", /documentation changed/],
    ],
  },
  {
    name: "make a body field optional",
    edit: (s) => (schemas(s).NewOrder.required = ["sku"]),
    semver: "minor",
    only: true,
    expect: [
      ["compatible", "NewOrder.quantity", /field made optional/],
      // The params interface lists the body's fields too.
      ["compatible", "CreateOrderParams.quantity", /field made optional/],
      // The methods' @example passes the body's required fields.
      ["none", "Shop.orders.create", /documentation changed/],
      ["none", "OrdersApi.createOrder", /documentation changed/],
    ],
  },
  {
    name: "make a body field required",
    edit: (s) => schemas(s).NewOrder.required.push("gift"),
    semver: "major",
    only: true,
    expect: [
      ["breaking", "NewOrder.gift", /field made required/],
      // The params interface lists the body's fields too.
      ["breaking", "CreateOrderParams.gift", /field made required/],
      // The methods' @example passes the body's required fields.
      ["none", "Shop.orders.create", /documentation changed/],
      ["none", "OrdersApi.createOrder", /documentation changed/],
    ],
  },
  {
    name: "remove a model field",
    edit: (s) => delete schemas(s).NewOrder.properties.gift,
    semver: "major",
    only: true,
    expect: [
      ["breaking", "NewOrder.gift", /field removed/],
      // The params interface lists the body's fields too.
      ["breaking", "CreateOrderParams.gift", /field removed/],
    ],
  },
  {
    name: "add a required request field",
    edit: (s) => {
      schemas(s).NewOrder.properties.currency = { type: "string" };
      schemas(s).NewOrder.required.push("currency");
    },
    semver: "major",
    only: true,
    expect: [
      ["breaking", "NewOrder.currency", /required field added/],
      // The params interface lists the body's fields too.
      ["breaking", "CreateOrderParams.currency", /required field added/],
      // The methods' @example passes the body's required fields.
      ["none", "Shop.orders.create", /documentation changed/],
      ["none", "OrdersApi.createOrder", /documentation changed/],
    ],
  },
  {
    name: "add an optional request field",
    edit: (s) => (schemas(s).NewOrder.properties.coupon = { type: "string" }),
    semver: "minor",
    only: true,
    expect: [
      ["compatible", "NewOrder.coupon", /field added/],
      // The params interface lists the body's fields too.
      ["compatible", "CreateOrderParams.coupon", /field added/],
    ],
  },
  {
    name: "widen a request field's type",
    edit: (s) => (schemas(s).NewOrder.properties.quantity = { type: ["integer", "string"] }),
    semver: "minor",
    only: true,
    expect: [
      ["compatible", "NewOrder.quantity", /type widened: now also string/],
      // The params interface lists the body's fields too.
      ["compatible", "CreateOrderParams.quantity", /type widened: now also string/],
    ],
  },
  {
    name: "change a path parameter's type",
    edit: (s) => (order(s).parameters[0].schema = { type: "integer" }),
    semver: "major",
    expect: [["breaking", "Shop.orders.retrieve(orderId)", /type changed incompatibly: string → number/]],
  },
  {
    name: "remove an optional query parameter",
    edit: (s) => orders(s).get.parameters.pop(),
    semver: "major",
    expect: [
      ["breaking", "ListOrdersParams.status", /field removed/],
      ["breaking", "ListOrdersBuilder.status", /method removed/],
    ],
  },
  {
    name: "rename a model",
    edit: (s) => renameSchema(s, "Order", "Purchase"),
    semver: "major",
    expect: [
      ["breaking", "Order", /export removed/],
      ["compatible", "Purchase", /export added/],
    ],
  },
  {
    name: "make a response nullable",
    edit: (s) =>
      (order(s).get.responses["200"].content["application/json"].schema = {
        oneOf: [{ $ref: "#/components/schemas/Order" }, { type: "null" }],
      }),
    semver: "major",
    expect: [["breaking", "GetOrderResponse", /type widened: now also null/]],
  },
  {
    name: "widen a named enum an optional response field uses",
    edit: (s) => schemas(s).Channel.enum.push("phone"),
    semver: "major",
    only: true,
    expect: [["breaking", "Channel", /type widened: now also "phone"/]],
  },
  {
    name: "add a field to the inline part of an allOf response",
    edit: (s) =>
      (order(s).get.responses["200"].content["application/json"].schema.allOf[1].properties.links.properties.next = {
        type: "string",
      }),
    semver: "minor",
    only: true,
    expect: [["compatible", "GetOrderResponse.links.next", /field added/]],
  },
  {
    name: "deprecate an operation",
    edit: (s) => (order(s).delete.deprecated = true),
    semver: "patch",
    expect: [["none", "Shop.orders.delete", /deprecated/]],
  },
];

const work = mkdtempSync(join(tmpdir(), "clientgen-diff-edits-"));
const results = new Map<string, DiffResult>();
let same: DiffResult;

beforeAll(async () => {
  const base = readFileSync(fixture("diff", "shop.yaml"), "utf8");
  const generate = async (name: string, text: string): Promise<string> => {
    const specPath = join(work, `${name}.yaml`);
    writeFileSync(specPath, text);
    return generateIntoTemp(specPath, "shop");
  };
  const oldDir = await generate("base", base);
  const newDirs: string[] = [await generate("unchanged", base)];
  for (const [i, { edit }] of edits.entries()) {
    const spec = parse(base) as Spec;
    edit(spec);
    newDirs.push(await generate(`edit-${i}`, stringify(spec)));
  }
  const [unchanged, ...edited] = diffPairs(newDirs.map((dir) => [oldDir, dir] as const));
  same = unchanged!;
  edits.forEach((e, i) => results.set(e.name, edited[i]!));
  for (const dir of [oldDir, ...newDirs]) rmSync(dir, { recursive: true, force: true });
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("clientgen diff classifies spec edits", () => {
  it("the same spec generated twice: no changes, patch", () => {
    expect(same.changes).toEqual([]);
    expect(same.semver).toBe("patch");
  });

  it.each(edits.map((e) => [e.name, e] as const))("%s", (_, { name, semver, expect: wanted, only }) => {
    const result = results.get(name)!;
    const lines = result.changes.map((c) => `${c.kind} ${c.path}: ${c.message}`);
    for (const [kind, path, message] of wanted) {
      expect(lines, `${kind} ${path} ${message}`).toContainEqual(
        expect.stringMatching(new RegExp(`^${kind} ${escape(path)}: ${message.source}`)),
      );
    }
    expect(result.semver, lines.join("\n")).toBe(semver);
    if (only)
      expect(result.changes.map((c) => `${c.kind} ${c.path}`).sort()).toEqual(
        wanted.map(([kind, path]) => `${kind} ${path}`).sort(),
      );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
