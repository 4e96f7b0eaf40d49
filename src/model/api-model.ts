import type { Diagnostic } from "../diagnostics.js";
import type { Pointer } from "../load/json-pointer.js";
import type {
  BodyEncoding,
  ClientParamSpec,
  EnvelopeSpec,
  HttpMethod,
  PaginationSpec,
  ResponseKind,
} from "../runtime/types.js";

/**
 * The intermediate representation: plain data, no TypeScript and no I/O. Every emitter reads this
 * (after the name stage) and nothing else.
 *
 * Types are never converted here: a `TypePath` points into openapi-typescript's output
 * (`paths["/x"]["get"]["responses"]["200"]["content"]["application/json"]`), and `schema` names a
 * component schema when the spec used a plain `$ref`, so emitters can use the readable alias.
 */
export interface ApiModel {
  title: string;
  version: string;
  description?: string;
  servers: ServerModel[];
  securitySchemes: SecuritySchemeModel[];
  /** Top-level security: alternatives of scheme names. */
  security: string[][];
  operations: OperationModel[];
  schemas: SchemaModel[];
  /** Names clientgen.yaml chooses for the package; the name stage derives the rest. */
  names: { client?: string; packageName?: string };
  /** Credential options clientgen.yaml names, each for a scheme of `securitySchemes`. */
  credentials: CredentialModel[];
  /** Parameters the client supplies from its options (clientgen.yaml `clientParams`). */
  clientParams: ClientParamModel[];
  /** The response envelope every JSON response of the API may be wrapped in. */
  envelope?: EnvelopeSpec;
  /** Header that carries an idempotency key on every non-GET request. */
  idempotencyHeader?: string;
  /** Response header that identifies the request (results' `_request_id`), when not `x-request-id`. */
  requestIdHeader?: string;
  /** Requests the API sends to the user: 3.1 `webhooks`, then 3.0 `callbacks` of operations, in spec order. */
  webhooks: WebhookModel[];
  /** How the API signs them (clientgen.yaml `webhooks`): then clients verify and type them (`client.webhooks`). */
  webhookSignature?: WebhookSignatureModel;
  source: { file: string; hash: string };
  /** Warnings found while modelling (skipped callbacks, unsupported media types...). */
  notes: Diagnostic[];
}

export type TypePath = readonly string[];

export interface CredentialModel {
  option: string;
  /** Key of `securitySchemes`. */
  scheme: string;
  env?: string;
  part?: CredentialPart;
  description?: string;
}

/** Which half of a two-part credential one option holds: http basic's, or an OAuth2 client's (client credentials flow). */
export type CredentialPart = "username" | "password" | "clientId" | "clientSecret";

/** An OAuth2 client credentials flow: the client fetches its own tokens. */
export interface ClientCredentialsFlow {
  /** As the spec writes it: a relative URL resolves against the client's base URL at run time. */
  tokenUrl: string;
  /** The flow's scopes, asked for in every token request. */
  scopes: string[];
}

/**
 * One event the API sends: a 3.1 webhook (`webhooks.<name>.<method>`) or a 3.0 callback
 * (`paths.<path>.<method>.callbacks.<name>.<expression>.<method>`). Its payload is the request body.
 */
export interface WebhookModel extends Docs {
  /** `batch_cancelled`, or `<operation key>.<callback name>` for a callback. */
  key: string;
  method: HttpMethod;
  pointer: Pointer;
  /** The payload. */
  body?: BodyModel;
  /** openapi-typescript writes 3.1 webhooks into types.ts, not callbacks: a callback's payload is typed only by its schema `$ref`. */
  inTypes: boolean;
}

export interface WebhookSignatureModel {
  scheme: "standard-webhooks";
  /** Environment variable holding the secret. */
  secretEnv?: string;
}

/** A client parameter as the runtime takes it (`clientParams([...])`), with its description for the docs. */
export interface ClientParamModel extends ClientParamSpec {
  description?: string;
}

/** Names clientgen.yaml chooses for an operation (`operations.<operationId>`). */
export interface OperationNames {
  /** Flat style: resource path, e.g. `["user", "invites"]`. */
  resource?: string[];
  /** Flat style: method name on the resource. */
  method?: string;
  /** Builder style: API class name without the `Api` suffix. */
  api?: string;
  /** The standalone function and builder method. */
  builderMethod?: string;
  /** Builder setter of the request body. */
  bodySetter?: string;
  /** Name by parameter wire name: flat params key (or path argument) and builder setter. */
  parameters?: Record<string, string>;
}

export interface Docs {
  summary?: string;
  description?: string;
  deprecated?: boolean;
}

export interface ServerModel {
  url: string;
  description?: string;
  variables: Record<string, { default: string; enum?: string[]; description?: string }>;
}

export type SecuritySchemeModel = {
  name: string;
  description?: string;
} & (
  | { kind: "bearer"; format?: string }
  | { kind: "basic" }
  | { kind: "apiKey"; in: "header" | "query" | "cookie"; paramName: string }
  | { kind: "oauth2"; clientCredentials?: ClientCredentialsFlow }
  | { kind: "openIdConnect" }
);

export interface SchemaModel extends Docs {
  /** Key under components.schemas. */
  name: string;
  /** The alias clientgen.yaml chooses for it in models.ts. */
  alias?: string;
  example?: unknown;
  /** The schema itself: its shape, enum, default (what a model page shows when it is not an object). */
  facts: SchemaFacts;
  /** Properties of an object schema, own and from `allOf` parts, in spec order. */
  properties: PropertyModel[];
  /** `additionalProperties`: the type of the values of keys not listed, when the schema allows them with a schema. */
  additionalProperties?: TypeShape;
}

export interface PropertyModel extends Docs {
  name: string;
  required: boolean;
  readOnly?: boolean;
  writeOnly?: boolean;
  schema: SchemaFacts;
}

/**
 * What a schema is, as docs write it (`Invite[]`, `string (date-time)`, `A | B`), with the component
 * names it refers to so pages can link them. Inline objects are not expanded: their types are in types.ts.
 */
export type TypeShape =
  | { kind: "ref"; name: string }
  | { kind: "primitive"; type: "string" | "integer" | "number" | "boolean" | "null"; format?: string }
  | { kind: "array"; items: TypeShape }
  | { kind: "map"; values: TypeShape }
  | { kind: "object" }
  | { kind: "union" | "intersection"; variants: TypeShape[] }
  | { kind: "unknown" };

export interface SchemaFacts {
  type?: string;
  format?: string;
  /** 3.1 `contentMediaType` of raw content (a file); absent when `contentEncoding` says it travels as text (base64). */
  contentMediaType?: string;
  enum?: unknown[];
  default?: unknown;
  example?: unknown;
  /** Component name when the schema is a plain `$ref`. */
  ref?: string;
  /** `nullable: true` (3.0) or `null` among its types (3.1): the type openapi-typescript makes includes `null`. */
  nullable?: boolean;
  shape: TypeShape;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  description?: string;
  /** An array's item schema (arrays only). */
  items?: SchemaFacts;
}

export type ParamLocation = "path" | "query" | "header" | "cookie";

export interface ParamModel extends Docs {
  /** Wire name. */
  name: string;
  in: ParamLocation;
  required: boolean;
  schema: SchemaFacts;
  style?: string;
  explode?: boolean;
  type: TypePath;
  /** A value of a structured parameter (object, array, union) for examples: the spec's, or one built from the schema. */
  example?: unknown;
}

export interface BodyModel extends Docs {
  required: boolean;
  contentType: string;
  encoding: BodyEncoding;
  /** An object body, whose properties can be spread into the params (the name stage decides whether they are). */
  spreadable: boolean;
  schema: SchemaFacts;
  type: TypePath;
  /** An object body's properties with their schema facts and whether the body requires them (the command line converts and checks values by them; the name stage finds clashes with parameters by their names). */
  fields: FieldModel[];
  /** The object takes properties besides `fields` (`additionalProperties`): a params type spreading them must too. */
  otherFields?: true;
  /** Other content types the spec also accepts. */
  alternatives: string[];
  /** The spec's example of the body (media or schema), or one built from the schema. */
  example?: unknown;
}

/** One property of an object request body. */
export interface FieldModel extends Docs {
  name: string;
  required: boolean;
  schema: SchemaFacts;
  /** `readOnly: true`: the server sets it; requests leave it out. */
  readOnly?: boolean;
}

export interface ResponseModel {
  /** `200`, `4XX`, `default`. */
  status: string;
  description?: string;
  contentType?: string;
  kind: ResponseKind;
  schema: SchemaFacts;
  type?: TypePath;
  /** Top-level property names of an object JSON body. */
  properties?: string[];
  /** Success only: those of `properties` whose values are arrays (a list of items, unlike one object). */
  arrayProperties?: string[];
  /**
   * Top-level properties the schema does not list as required but gives a `default`: the server fills
   * them, so the response type requires them, while the request types (which share the schema) do not.
   */
  defaulted?: string[];
  /** 2xx only: dotted paths of an object JSON body's nested fields (`paging.next.after`), for recognising list envelopes. */
  nestedFields?: string[];
  /** 2xx only: property names of the items of an array JSON body. */
  itemProperties?: string[];
  /** 2xx only: the response headers the spec declares, lower-cased (`link` tells of a next page). */
  headers?: string[];
  /** Success only: another 2xx status of the operation has no content, so an empty body is a valid answer. */
  mayBeEmpty?: true;
  /**
   * A JSON success that also offers `text/event-stream`, chosen by the request body's boolean `param`
   * field (`stream` in OpenAI's chat completions): the event stream's item schema and its place in
   * types.ts. Declared by the spec, or by clientgen.yaml's `streaming` where the spec leaves it out.
   */
  events?: { schema: SchemaFacts; type: TypePath; param: string };
  /**
   * An event stream (this `sse` response, or `events`) whose schema describes whole events, a named
   * `event` beside its `data` (OpenAI's `AssistantStreamEvent`): the stream yields `{ event, data }`.
   */
  framedEvents?: true;
}

export interface OperationModel extends Docs {
  /** operationId, or `METHOD /path` when the spec has none. */
  key: string;
  operationId?: string;
  method: HttpMethod;
  path: string;
  pointer: Pointer;
  tags: string[];
  params: ParamModel[];
  body?: BodyModel;
  /** The response callers get on success (the first 2xx). */
  success?: ResponseModel;
  errors: ResponseModel[];
  security?: string[][];
  pagination?: PaginationSpec;
  /** The client's envelope wraps this operation's JSON response (its result is unwrapped). */
  enveloped: boolean;
  names: OperationNames;
  /** `["paths", path, method]`: where openapi-typescript puts this operation. */
  type: TypePath;
}
