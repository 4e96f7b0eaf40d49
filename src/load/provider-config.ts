import type { PaginationSpec } from "../runtime/types.js";

/** `specs/<provider>/clientgen.yaml`: everything optional; defaults come from the spec. */
export interface ProviderConfig {
  /** Client class name, e.g. `Cloudflare`. */
  name?: string;
  /** npm package name of the generated package. */
  packageName?: string;
  /** Security schemes the spec lacks, by name (GitHub's spec declares none). */
  securitySchemes: Record<string, SchemeConfig>;
  credentials: Record<string, CredentialConfig>;
  clientParams: Record<string, ClientParamConfig>;
  envelope?: { result: string; success?: string; errors?: string };
  idempotencyHeader?: string;
  /** Response header carrying the request id (results' `_request_id`); default `x-request-id`. */
  requestIdHeader?: string;
  /** How the API signs the webhooks it sends: then the client verifies them (`client.webhooks.unwrap`). */
  webhooks?: WebhooksConfig;
  operations: Record<string, OperationConfig>;
  /** Alias in models.ts by schema name (key of `components.schemas`): `{ Page: PageInfo }`. */
  schemas: Record<string, string>;
}

/** A scheme clientgen.yaml adds: sent with every operation the spec gives no security of its own. */
export type SchemeConfig = {
  description?: string;
  /** Every such request needs it; by default it is sent when given and optional otherwise. */
  required?: boolean;
} & ({ type: "bearer" } | { type: "basic" } | { type: "apiKey"; in: "header" | "query"; name: string });

export interface WebhooksConfig {
  /** Standard Webhooks (https://www.standardwebhooks.com), the one scheme supported. */
  signature: "standard-webhooks";
  /** Environment variable holding the `whsec_` secret when neither the call nor the client gives one. */
  secretEnv?: string;
}

export interface CredentialConfig {
  /** Key of the spec's `components.securitySchemes` or of clientgen.yaml's `securitySchemes`. */
  scheme: string;
  env?: string;
  /** For http basic schemes (`username`, `password`) and OAuth2 client credentials flows (`clientId`, `clientSecret`): which half this credential is. */
  part?: "username" | "password" | "clientId" | "clientSecret";
  description?: string;
}

export interface ClientParamConfig {
  in: "header" | "query" | "path";
  name: string;
  env?: string;
  description?: string;
}

export interface OperationConfig {
  /** Flat style: dotted resource path, e.g. `user.invites`. */
  resource?: string;
  /** Flat style: method name on the resource. */
  method?: string;
  /** Builder style: API class name without the `Api` suffix. */
  api?: string;
  builderMethod?: string;
  /** Builder setter of the request body (default: the body schema's name, or `body`). */
  bodySetter?: string;
  /** Name by parameter wire name: the flat params key (or path argument) and the builder setter. */
  parameters?: Record<string, string>;
  /** `none` turns off pagination recognised from the response shape. */
  pagination?: PaginationSpec | "none";
  /** An event stream the spec does not declare (OpenAI's `createCompletion`): see StreamingConfig. */
  streaming?: StreamingConfig;
}

/**
 * The operation answers server-sent events when its request body's boolean `param` is true, each
 * event's `data` being the component schema `event`; otherwise the JSON its spec declares.
 */
export interface StreamingConfig {
  /** Body property that asks for the stream (default `stream`). */
  param?: string;
  /** Key of `components.schemas`: the type of each event. */
  event: string;
}

export const emptyConfig = (): ProviderConfig => ({
  securitySchemes: {},
  credentials: {},
  clientParams: {},
  operations: {},
  schemas: {},
});
