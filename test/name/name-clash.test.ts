import { describe, expect, it } from "vitest";
import type { ProviderConfig } from "../../src/load/provider-config.js";
import { GLOBAL_NAMES } from "../../src/name/global-names.js";
import { camel } from "../../src/name/identifiers.js";
import { nameApi } from "../../src/name/name-api.js";
import type { NamedApi, NamedOperation } from "../../src/name/named-api.js";
import { RESERVED } from "../../src/name/reserved-names.js";
import { jsonResponse, modelOf, queryParams, specWith } from "../helpers/model.js";

const get = (operationId: string, extra: Record<string, unknown> = {}) => ({
  get: { operationId, responses: jsonResponse({ type: "string" }), ...extra },
});

function named(
  paths: Record<string, unknown>,
  config: Partial<ProviderConfig> = {},
  components: Record<string, unknown> = {},
): NamedApi {
  return nameApi(modelOf(specWith(paths, components), config), "acme");
}

const op = (api: NamedApi, key: string): NamedOperation => api.operations.find((o) => o.op.key === key)!;
const hints = (api: NamedApi): string[] => api.warnings.map((w) => w.hint ?? "");

describe("reserved members: every one the runtime has is refused, with a warning naming the config key", () => {
  it.each([...RESERVED.clientMembers])("a top-level resource named `%s`", (member) => {
    const api = named({ "/x": get("op") }, { operations: { op: { resource: member } } });
    const child = api.flat.children[0]!;
    expect(child.property).not.toBe(member);
    expect(child.property).toBe(`${member}Resource`);
    expect(hints(api)).toContain('choose a name in clientgen.yaml under operations."op".resource');
  });

  it.each([...RESERVED.clientMembers])("a method `%s` on the client itself", (member) => {
    const api = named({ "/": get("op") }, { operations: { op: { method: member } } });
    expect(op(api, "op").flat.method).not.toBe(member);
    expect(hints(api)).toContain('choose a name in clientgen.yaml under operations."op".method');
  });

  it.each([...RESERVED.resourceMembers])("a method `%s` on a resource", (member) => {
    const api = named({ "/things": get("op") }, { operations: { op: { method: member } } });
    expect(op(api, "op").flat.method).not.toBe(member);
    expect(hints(api)).toContain('choose a name in clientgen.yaml under operations."op".method');
  });

  it.each([...RESERVED.builderMembers].filter((m) => camel(m) === m))("a builder setter `%s`", (member) => {
    const api = named({ "/things": get("op", { parameters: queryParams(member) }) });
    const param = op(api, "op").params[0]!;
    expect(param.setter).not.toBe(member);
    // The params key stays the wire name: only the builder had a clash.
    expect(param.key).toBe(member);
  });

  it.each([...RESERVED.moduleExports, ...RESERVED.apiMembers].filter((m) => camel(m) === m && m !== "constructor"))(
    "an operation function `%s`",
    (member) => {
      const api = named({ "/things": get("op") }, { operations: { op: { builderMethod: member } } });
      const o = op(api, "op");
      expect(o.fn === member && o.builder.method === member).toBe(false);
      expect(hints(api)).toContain('choose a name in clientgen.yaml under operations."op".builderMethod');
    },
  );

  it("nothing is renamed that clashes with nothing: resources `options`/`spec` below the root, setters `state`, `type`, `api`", () => {
    const api = named({ "/things/options/spec": get("op", { parameters: queryParams("state", "type", "api", "op") }) });
    expect(api.flat.children[0]!.children[0]!.property).toBe("options");
    expect(api.flat.children[0]!.children[0]!.children[0]!.property).toBe("spec");
    expect(op(api, "op").params.map((p) => p.setter)).toEqual(["state", "type", "api", "op"]);
    expect(api.warnings).toEqual([]);
  });
});

describe("generated identifiers: each kind is unique where files share it", () => {
  it("functions keep their names; a spec constant that would take one gives way (`listThingsSpec`)", () => {
    const api = named({ "/a": get("listThings"), "/b": get("listThingsSpec") });
    expect(api.operations.map((o) => [o.fn, o.specConst])).toEqual([
      ["listThings", "listThingsSpec2"],
      ["listThingsSpec", "listThingsSpecSpec"],
    ]);
    expect(api.warnings).toEqual([]);
  });

  it("two operations wanting one function name: the second is numbered, with a warning", () => {
    const api = named({ "/a": get("list-things"), "/b": get("listThings") });
    expect(api.operations.map((o) => o.fn)).toEqual(["listThings", "listThings2"]);
    expect(api.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("function name 'listThings' is taken (by GET /a); using 'listThings2'"),
    ]);
  });

  it("operation types never take a schema alias or each other's names", () => {
    const api = named(
      { "/a": get("list"), "/b": get("listParams") },
      {},
      { schemas: { ListParams: { type: "string" }, ListResponse: { type: "string" } } },
    );
    const names = [
      ...api.schemas.map((s) => s.alias),
      ...api.operations.flatMap((o) => [o.paramsType, o.responseType, o.builder.type]),
    ];
    expect(new Set(names).size).toBe(names.length);
    expect(api.schemas.map((s) => s.alias)).toEqual(["ListParams", "ListResponse"]);
    expect(op(api, "list").paramsType).toBe("ListParams2");
  });

  it("schema aliases give way to the runtime's exports and to globals", () => {
    const api = named({}, {}, { schemas: { RateLimitError: {}, Page: {}, ClientSpec: {}, Promise: {}, Thing: {} } });
    expect(api.schemas.map((s) => s.alias)).toEqual([
      "RateLimitErrorBody",
      "PageModel",
      "ClientSpecModel",
      "PromiseModel",
      "Thing",
    ]);
  });

  it("API classes never take a schema alias; resource classes only those their files can import", () => {
    const api = named({ "/things": get("op", { tags: ["things"] }) }, {}, { schemas: { Things: {}, ThingsApi: {} } });
    expect(api.apis[0]!.className).toBe("ThingsApi2");
    // A resource file imports no schema alias unless a path argument's type is one.
    expect(api.flat.children[0]!.className).toBe("Things");
    const byPath = named(
      {
        "/things/{id}": {
          get: {
            operationId: "op",
            parameters: [{ name: "id", in: "path", required: true, schema: { $ref: "#/components/schemas/Things" } }],
            responses: jsonResponse({}),
          },
        },
      },
      {},
      { schemas: { Things: { type: "string", enum: ["a"] } } },
    );
    expect(byPath.flat.children[0]!.className).toBe("Things2");
  });

  it.each([
    [
      "a body field named like a query parameter: the body travels whole, with a warning",
      "query",
      "whole",
      ["body-passed-whole"],
    ],
    ["a body field named like a path parameter (a positional argument): fields stay spread", "path", "fields", []],
  ])("%s", (_name, location, mode, rules) => {
    const param = { name: "name", in: location, required: location === "path", schema: { type: "string" } };
    const body = {
      required: true,
      content: {
        "application/json": {
          schema: { type: "object", properties: { name: { type: "string" }, value: { type: "string" } } },
        },
      },
    };
    const api = named({
      [location === "path" ? "/vars/{name}" : "/vars"]: {
        patch: { operationId: "op", parameters: [param], requestBody: body, responses: jsonResponse({}) },
      },
    });
    expect(op(api, "op").bodyMode).toBe(mode);
    expect(api.warnings.map((w) => w.rule)).toEqual(rules);
  });

  it("a path argument never shadows what the function body calls", () => {
    const api = named({
      "/x/{op}/{requestPage}/{params}": {
        get: {
          operationId: "op",
          parameters: ["op", "requestPage", "params"].map((name) => ({ name, in: "path", required: true })),
          responses: jsonResponse({}),
        },
      },
    });
    expect(op(api, "op").pathArgs.map((a) => a.key)).toEqual(["op2", "requestPage2", "params2"]);
  });

  it("credential options never take a ClientOptions key", () => {
    const api = named({}, {}, { securitySchemes: { timeout: { type: "http", scheme: "bearer" } } });
    expect(api.credentials.map((c) => c.option)).toEqual(["timeout2"]);
    expect(hints(api)).toEqual([expect.stringContaining("credentials")]);
  });
});

describe("renames warn with the clientgen.yaml key that fixes them, and that key works", () => {
  it("a path argument named like the function's own argument: `operations.<id>.parameters.<wire name>`", () => {
    const path = {
      "/x/{params}": {
        get: {
          operationId: "op",
          parameters: [{ name: "params", in: "path", required: true }],
          responses: jsonResponse({}),
        },
      },
    };
    const api = named(path);
    expect(op(api, "op").pathArgs[0]!.key).toBe("params2");
    expect(hints(api)).toEqual(['choose a name in clientgen.yaml under operations."op".parameters."params"']);
    const fixed = named(path, { operations: { op: { parameters: { params: "filter" } } } });
    expect(op(fixed, "op").pathArgs[0]!.key).toBe("filter");
    expect(fixed.warnings).toEqual([]);
  });

  it("a builder setter named like a builder member, then chosen in config for key and setter alike", () => {
    const path = { "/x": get("op", { parameters: queryParams("execute") }) };
    const api = named(path);
    expect(op(api, "op").params[0]!.setter).toBe("execute2");
    expect(hints(api)).toEqual(['choose a name in clientgen.yaml under operations."op".parameters."execute"']);
    const fixed = named(path, { operations: { op: { parameters: { execute: "runNow" } } } });
    expect(op(fixed, "op").params.map((p) => [p.key, p.setter])).toEqual([["runNow", "runNow"]]);
  });

  it("a schema alias that would shadow a global: `schemas.<name>`", () => {
    const api = named({}, {}, { schemas: { Error: {} } });
    expect(api.schemas[0]!.alias).toBe("ErrorBody");
    expect(hints(api)).toEqual(['choose a name in clientgen.yaml under schemas."Error"']);
    const fixed = named({}, { schemas: { Error: "Problem" } }, { schemas: { Error: {} } });
    expect(fixed.schemas[0]!.alias).toBe("Problem");
    expect(fixed.warnings).toEqual([]);
  });

  it("a client class named like a global: `name`", () => {
    const api = nameApi(modelOf({ ...specWith({}), info: { title: "Promise", version: "1" } }), "acme");
    expect(api.client.className).toBe("PromiseClient");
    expect(hints(api)).toEqual(["choose a name in clientgen.yaml under name"]);
  });

  it.each([...GLOBAL_NAMES])("`%s` is refused alike for the client class and a schema alias", (global) => {
    const api = named({}, { name: global }, { schemas: { [global]: {} } });
    expect(api.client.className).toBe(`${global}Client`);
    expect(api.schemas[0]!.alias).not.toBe(global);
  });

  it("an operation type taken by a schema alias: `operations.<id>.builderMethod`", () => {
    const api = named({ "/a": get("list") }, {}, { schemas: { ListResponse: {} } });
    expect(op(api, "list").responseType).toBe("ListResponse2");
    expect(hints(api)).toEqual(['choose a name in clientgen.yaml under operations."list".builderMethod']);
  });

  it("an API class taken by a schema alias: `operations.<id>.api`", () => {
    const api = named({ "/a": get("op", { tags: ["things"] }) }, {}, { schemas: { ThingsApi: {} } });
    expect(api.apis[0]!.className).toBe("ThingsApi2");
    expect(hints(api)).toContain('choose a name in clientgen.yaml under operations."op".api');
  });

  it("a body setter taken by a parameter's setter: `operations.<id>.bodySetter`", () => {
    const path = {
      "/x": {
        post: {
          operationId: "op",
          parameters: queryParams("body"),
          requestBody: { content: { "text/plain": { schema: { type: "string" } } } },
          responses: jsonResponse({}),
        },
      },
    };
    const api = named(path);
    expect(op(api, "op").bodySetter).toBe("body2");
    // The query parameter's params key gives way to the whole body's `body` too, with its own key.
    expect(hints(api)).toEqual([
      'choose a name in clientgen.yaml under operations."op".parameters."body"',
      'choose a name in clientgen.yaml under operations."op".bodySetter',
    ]);
    expect(op(named(path, { operations: { op: { bodySetter: "content" } } }), "op").bodySetter).toBe("content");
  });
});
