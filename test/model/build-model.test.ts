import { describe, expect, it } from "vitest";
import type { OperationModel } from "../../src/model/api-model.js";
import { jsonResponse, modelOf, queryParams, specWith } from "../helpers/model.js";

const one = (
  operation: Record<string, unknown>,
  pathItem: Record<string, unknown> = {},
  path = "/things/{id}",
): OperationModel =>
  modelOf(
    specWith({
      [path]: { ...pathItem, post: { operationId: "op", responses: jsonResponse({ type: "string" }), ...operation } },
    }),
  ).operations[0]!;

const objectBody = (properties: string[], contentType = "application/json") => ({
  required: true,
  content: {
    [contentType]: {
      schema: { type: "object", properties: Object.fromEntries(properties.map((p) => [p, { type: "string" }])) },
    },
  },
});

describe("operations: parameters", () => {
  const idParam = { name: "id", in: "path", required: true, schema: { type: "string" } };
  it.each<
    [string, Record<string, unknown>, Record<string, unknown>, { name: string; in: string; required: boolean }[]]
  >([
    [
      "path-item parameters come first, the operation's own after",
      { parameters: queryParams("q") },
      { parameters: [idParam] },
      [
        { name: "id", in: "path", required: true },
        { name: "q", in: "query", required: false },
      ],
    ],
    [
      "an operation parameter overrides the path item's of the same name and location",
      { parameters: [{ name: "q", in: "query", required: true }] },
      { parameters: [...queryParams("q"), idParam] },
      [
        { name: "q", in: "query", required: true },
        { name: "id", in: "path", required: true },
      ],
    ],
    [
      "path parameters are required even when the spec forgets to say so",
      { parameters: [{ name: "id", in: "path", schema: { type: "string" } }] },
      {},
      [{ name: "id", in: "path", required: true }],
    ],
    [
      "Accept, Content-Type and Authorization headers are left to the client",
      {
        parameters: [
          { name: "Accept", in: "header" },
          { name: "authorization", in: "header" },
          { name: "X-Trace", in: "header" },
          idParam,
        ],
      },
      {},
      [
        { name: "X-Trace", in: "header", required: false },
        { name: "id", in: "path", required: true },
      ],
    ],
    [
      "an unknown location is skipped",
      { parameters: [{ name: "x", in: "body" }, idParam] },
      {},
      [{ name: "id", in: "path", required: true }],
    ],
  ])("%s", (_name, operation, pathItem, expected) => {
    expect(
      one(operation, pathItem).params.map(({ name, in: location, required }) => ({ name, in: location, required })),
    ).toEqual(expected);
  });
});

describe("operations: request bodies", () => {
  it.each<
    [
      string,
      Record<string, unknown>,
      { contentType: string; encoding: string; spreadable: boolean; properties: string[]; alternatives: string[] },
    ]
  >([
    [
      "a JSON object is spreadable, with its property names",
      objectBody(["name", "body"]),
      {
        contentType: "application/json",
        encoding: "json",
        spreadable: true,
        properties: ["name", "body"],
        alternatives: [],
      },
    ],
    [
      "JSON is preferred over the other media types offered",
      {
        content: {
          "application/xml": { schema: { type: "string" } },
          "application/json": { schema: { type: "string" } },
        },
      },
      {
        contentType: "application/json",
        encoding: "json",
        spreadable: false,
        properties: [],
        alternatives: ["application/xml"],
      },
    ],
    [
      "a form is spreadable",
      objectBody(["a"], "application/x-www-form-urlencoded"),
      {
        contentType: "application/x-www-form-urlencoded",
        encoding: "form",
        spreadable: true,
        properties: ["a"],
        alternatives: [],
      },
    ],
    [
      "an octet stream is binary, passed whole",
      { content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } } },
      {
        contentType: "application/octet-stream",
        encoding: "binary",
        spreadable: false,
        properties: [],
        alternatives: [],
      },
    ],
  ])("%s", (_name, requestBody, expected) => {
    const body = one({ requestBody })!.body!;
    expect({
      contentType: body.contentType,
      encoding: body.encoding,
      spreadable: body.spreadable,
      properties: body.fields.map((f) => f.name),
      alternatives: body.alternatives,
    }).toEqual(expected);
  });
});

describe("operations: responses", () => {
  it.each<[string, Record<string, unknown>, string | undefined, string[]]>([
    // Status keys are integer-like, so JavaScript orders them numerically whatever the spec's order.
    [
      "the lowest 2xx is the success response",
      {
        "202": { description: "accepted" },
        "201": { description: "made", content: { "application/json": { schema: {} } } },
        "404": { description: "no" },
      },
      "201",
      ["404"],
    ],
    [
      "`default` is the success when no 2xx is given",
      { default: { description: "any", content: { "text/plain": { schema: { type: "string" } } } } },
      "default",
      [],
    ],
    [
      "`default` is an error when a 2xx exists",
      { "204": { description: "none" }, default: { description: "err" } },
      "204",
      ["default"],
    ],
  ])("%s", (_name, responses, success, errors) => {
    const op = one({ responses });
    expect(op.success?.status).toBe(success);
    expect(op.errors.map((e) => e.status)).toEqual(errors);
  });

  it.each([
    ["application/json", "json"],
    ["application/problem+json", "json"],
    ["text/plain", "text"],
    ["application/pdf", "binary"],
  ])("a %s success body is read as %s", (contentType, kind) => {
    expect(
      one({ responses: { "200": { description: "ok", content: { [contentType]: { schema: {} } } } } }).success?.kind,
    ).toBe(kind);
  });
});

describe("clientgen.yaml resolved into the model", () => {
  const doc = specWith({
    "/wrapped": {
      get: {
        operationId: "wrapped",
        responses: jsonResponse({ type: "object", properties: { result: {}, success: {} } }),
      },
    },
    "/bare": { get: { operationId: "bare", responses: jsonResponse({ type: "object", properties: { id: {} } }) } },
    "/text": {
      get: {
        operationId: "text",
        responses: { "200": { description: "ok", content: { "text/plain": { schema: { type: "string" } } } } },
      },
    },
  });

  it("the envelope applies to the JSON operations whose response has its result field", () => {
    const model = modelOf(doc, {
      envelope: { result: "result", success: "success" },
      idempotencyHeader: "Idempotency-Key",
    });
    expect(model.envelope).toEqual({ result: "result", success: "success" });
    expect(model.idempotencyHeader).toBe("Idempotency-Key");
    expect(model.operations.map((o) => [o.key, o.enveloped])).toEqual([
      ["wrapped", true],
      ["bare", false],
      ["text", false],
    ]);
  });

  it("without an envelope no operation is enveloped", () => {
    const model = modelOf(doc);
    expect(model.envelope).toBeUndefined();
    expect(model.operations.every((o) => !o.enveloped)).toBe(true);
  });

  it("names, credentials and client parameters are carried as data", () => {
    const model = modelOf(doc, {
      name: "Acme",
      packageName: "@acme/client",
      credentials: { apiToken: { scheme: "token", env: "ACME_TOKEN" } },
      clientParams: { accountId: { in: "path", name: "account_id" } },
      operations: { wrapped: { resource: "user.things", method: "fetch", api: "Things", builderMethod: "getWrapped" } },
    });
    expect(model.names).toEqual({ client: "Acme", packageName: "@acme/client" });
    expect(model.credentials).toEqual([{ option: "apiToken", scheme: "token", env: "ACME_TOKEN" }]);
    expect(model.clientParams).toEqual([{ option: "accountId", in: "path", name: "account_id" }]);
    expect(model.operations[0]!.names).toEqual({
      resource: ["user", "things"],
      method: "fetch",
      api: "Things",
      builderMethod: "getWrapped",
    });
    expect(model.operations[1]!.names).toEqual({});
  });
});

describe("security schemes", () => {
  it("each OpenAPI scheme type becomes its kind; unusable ones are left out", () => {
    const model = modelOf(
      specWith(
        {},
        {
          securitySchemes: {
            token: { type: "http", scheme: "bearer", bearerFormat: "JWT" },
            login: { type: "http", scheme: "Basic" },
            key: { type: "apiKey", in: "header", name: "X-Key" },
            cookie: { type: "apiKey", in: "cookie", name: "sid" },
            oauth: { type: "oauth2", flows: {} },
            machine: {
              type: "oauth2",
              flows: {
                authorizationCode: { authorizationUrl: "/a", tokenUrl: "/t", scopes: {} },
                clientCredentials: { tokenUrl: "/oauth/token", scopes: { read: "Read", write: "Write" } },
              },
            },
            broken: { type: "apiKey", in: "body", name: "k" },
          },
        },
      ),
    );
    expect(model.securitySchemes).toEqual([
      { name: "token", kind: "bearer", format: "JWT" },
      { name: "login", kind: "basic" },
      { name: "key", kind: "apiKey", in: "header", paramName: "X-Key" },
      { name: "cookie", kind: "apiKey", in: "cookie", paramName: "sid" },
      { name: "oauth", kind: "oauth2" },
      { name: "machine", kind: "oauth2", clientCredentials: { tokenUrl: "/oauth/token", scopes: ["read", "write"] } },
    ]);
  });
});

describe("security schemes clientgen.yaml adds", () => {
  const doc = (security?: unknown) => ({
    ...specWith({}),
    ...(security ? { security, components: { securitySchemes: { spec: { type: "http", scheme: "bearer" } } } } : {}),
  });
  it.each<[string, Record<string, unknown>, unknown, { schemes: unknown[]; security: string[][] }]>([
    [
      "a bearer token, optional where the spec requires nothing",
      { token: { type: "bearer", description: "PAT" } },
      undefined,
      { schemes: [{ name: "token", description: "PAT", kind: "bearer" }], security: [["token"], []] },
    ],
    [
      "an API key in a header, required",
      { key: { type: "apiKey", in: "header", name: "X-Key", required: true } },
      undefined,
      { schemes: [{ name: "key", kind: "apiKey", in: "header", paramName: "X-Key" }], security: [["key"]] },
    ],
    [
      "basic, beside an API key in the query: either, or nothing",
      { login: { type: "basic" }, key: { type: "apiKey", in: "query", name: "k" } },
      undefined,
      {
        schemes: [
          { name: "login", kind: "basic" },
          { name: "key", kind: "apiKey", in: "query", paramName: "k" },
        ],
        security: [["login"], ["key"], []],
      },
    ],
    [
      "the spec's own security stays as it is",
      { token: { type: "bearer" } },
      [{ spec: [] }],
      {
        schemes: [
          { name: "spec", kind: "bearer" },
          { name: "token", kind: "bearer" },
        ],
        security: [["spec"]],
      },
    ],
  ])("%s", (_name, securitySchemes, security, expected) => {
    const model = modelOf(doc(security), { securitySchemes: securitySchemes as never });
    expect({ schemes: model.securitySchemes, security: model.security }).toEqual(expected);
  });
});
