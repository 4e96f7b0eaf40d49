/**
 * The shape of clientgen.yaml, as data, so one walker can check it and name the exact key that is wrong.
 * A leaf is a type name; `{ enum }` a closed set (with the hint to give for any other value); `{ fields }` a mapping with known keys;
 * `{ map }` a mapping with free keys; `{ oneOf }` alternatives told apart by `tag`.
 */
export type Shape =
  | "string"
  | "identifier"
  | "boolean"
  | { enum: readonly string[]; hint?: string }
  | { fields: Record<string, Shape>; required?: readonly string[] }
  | { map: Shape; keys?: "identifier" }
  | { tagged: string; variants: Record<string, Shape> };

const pagination: Shape = {
  tagged: "kind",
  variants: {
    cursor: {
      fields: {
        kind: "string",
        items: "string",
        hasMore: "string",
        cursorParam: "string",
        nextCursor: "string",
        cursorItemField: "string",
      },
      required: ["cursorParam"],
    },
    page: {
      fields: {
        kind: "string",
        items: "string",
        pageParam: "string",
        perPageParam: "string",
        info: "string",
        totalCount: "string",
        totalPages: "string",
        page: "string",
        perPage: "string",
      },
      required: ["pageParam"],
    },
    offset: {
      fields: { kind: "string", items: "string", offsetParam: "string", limitParam: "string", totalCount: "string" },
      required: ["offsetParam"],
    },
    next: { fields: { kind: "string", items: "string", nextUrl: "string" } },
    single: { fields: { kind: "string", items: "string" } },
  },
};

const schemeCommon = { type: "string", description: "string", required: "boolean" } as const;
const securityScheme: Shape = {
  tagged: "type",
  variants: {
    bearer: { fields: schemeCommon },
    basic: { fields: schemeCommon },
    apiKey: {
      fields: { ...schemeCommon, in: { enum: ["header", "query"] }, name: "string" },
      required: ["in", "name"],
    },
  },
};

export const configShape: Shape = {
  fields: {
    name: "identifier",
    packageName: "string",
    securitySchemes: { map: securityScheme },
    credentials: {
      keys: "identifier",
      map: {
        fields: {
          scheme: "string",
          env: "string",
          part: { enum: ["username", "password", "clientId", "clientSecret"] },
          description: "string",
        },
        required: ["scheme"],
      },
    },
    clientParams: {
      keys: "identifier",
      map: {
        fields: { in: { enum: ["header", "query", "path"] }, name: "string", env: "string", description: "string" },
        required: ["in", "name"],
      },
    },
    envelope: { fields: { result: "string", success: "string", errors: "string" }, required: ["result"] },
    idempotencyHeader: "string",
    requestIdHeader: "string",
    webhooks: {
      fields: {
        signature: {
          enum: ["standard-webhooks"],
          hint: "standard-webhooks (webhook-id, webhook-timestamp and webhook-signature headers, a whsec_ secret) is the one scheme clientgen verifies; leave the webhooks block out to get only the payload types",
        },
        secretEnv: "string",
      },
      required: ["signature"],
    },
    schemas: { map: "identifier" },
    operations: {
      map: {
        fields: {
          resource: "string",
          method: "identifier",
          api: "identifier",
          builderMethod: "identifier",
          bodySetter: "identifier",
          parameters: { map: "identifier" },
          pagination,
          streaming: { fields: { param: "string", event: "string" }, required: ["event"] },
        },
      },
    },
  },
};
