/**
 * The contract between generated code and the runtime. Generated packages describe each client and
 * each operation with these plain objects; the runtime does everything else. Keep this file free of
 * behaviour so both sides can import it cheaply.
 */

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

export type LogLevel = "off" | "error" | "warn" | "info" | "debug";

export interface Logger {
  error(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  debug(message: string, ...rest: unknown[]): void;
}

/** Header values as callers may give them: `null` removes a default header. */
export type HeadersLike = Headers | Record<string, string | null | undefined> | Array<[string, string]>;

export type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** Options every generated client accepts, beside its own credential and client-parameter options. */
export interface ClientOptions {
  /**
   * The server to call, replacing the spec's (server variables are then ignored). Default: the
   * `<PREFIX>_BASE_URL` environment variable where there is one, else the spec's first server.
   */
  baseURL?: string | undefined;
  /** Values for the spec's server variables, e.g. `{ region: "eu" }`. */
  serverVariables?: Record<string, string> | undefined;
  defaultHeaders?: Record<string, string | null | undefined> | undefined;
  defaultQuery?: Record<string, unknown> | undefined;
  fetch?: Fetch | undefined;
  /** Per-attempt timeout in milliseconds. Default `DEFAULT_TIMEOUT_MS` (defaults.ts). */
  timeout?: number | undefined;
  /** Retries after the first attempt. Default `DEFAULT_MAX_RETRIES` (defaults.ts). */
  maxRetries?: number | undefined;
  logLevel?: LogLevel | undefined;
  logger?: Logger | undefined;
  /** Extra `RequestInit` fields passed to every `fetch` call (e.g. `{ credentials: "include" }`). */
  fetchOptions?: RequestInit | undefined;
  /** Hooks around every request, in order (`client.use(m)` adds one); see Middleware. */
  middleware?: readonly Middleware[] | undefined;
}

/** Options accepted by every operation as its last argument. */
export interface RequestOptions {
  signal?: AbortSignal | undefined;
  timeout?: number | undefined;
  maxRetries?: number | undefined;
  headers?: Record<string, string | null | undefined> | undefined;
  query?: Record<string, unknown> | undefined;
  idempotencyKey?: string | undefined;
  /** Middleware for this request only, run after (inside) the client's. */
  middleware?: readonly Middleware[] | undefined;
}

/** The operation a request belongs to, as middleware sees it: `{ id: "retrieveInvite", method: "get", path: "/invites/{invite_id}" }`. */
export interface MiddlewareOperation {
  /** The operationId, or `GET /path` when it has none. */
  readonly id: string;
  /** Lower-case, as in the spec. */
  readonly method: HttpMethod;
  /** The spec's path template. */
  readonly path: string;
}

/** What every hook is given: the request as it stands (credentials included), its operation, and the attempt. */
export interface MiddlewareContext {
  readonly request: Request;
  readonly operation: MiddlewareOperation;
  /**
   * Which send of the call this is, from 1: each retry is the next one, and so is the resend after a
   * 401 made an OAuth2 client renew its token (which `maxRetries` does not limit). A redirect the client
   * follows keeps the number of the request it answers.
   */
  readonly attempt: number;
}

/**
 * Hooks around each request a client sends, each optional and possibly async. `onRequest` hooks run in
 * order and may return a new Request (to sign it, or add a tracing header); `onResponse` hooks run in
 * reverse order and may return a new Response; `onError` hooks (reverse order) see a connection that
 * failed (not a timeout or an abort) and may return a Response to answer in its place. They run for
 * every attempt, so retries pass through them, and for every redirect a client with credentials
 * follows itself. A hook that throws ends the call with its error, which is not retried.
 */
export interface Middleware {
  onRequest?(context: MiddlewareContext): Request | undefined | void | Promise<Request | undefined | void>;
  onResponse?(
    context: MiddlewareContext & { readonly response: Response },
  ): Response | undefined | void | Promise<Response | undefined | void>;
  onError?(
    context: MiddlewareContext & { readonly error: unknown },
  ): Response | undefined | void | Promise<Response | undefined | void>;
}

/** How one credential is given: an option name and, optionally, the environment variable behind it. */
export interface CredentialSpec {
  /** Client option name, e.g. `apiToken`. */
  option: string;
  /** Environment variable read when the option is not given, e.g. `CLOUDFLARE_API_TOKEN`. */
  env?: string;
}

/**
 * A request being built. The core fills in what every request has (the path, the client's
 * defaultQuery, accept); the functions the specs name, for the features a client or operation has,
 * add the rest: `collectParams`, a body encoder, `idempotencyHeader(...)`, `auth(...)`.
 */
export interface RequestDraft {
  op: OperationSpec;
  /** The caller's params object. */
  params: Record<string, unknown>;
  /** The per-request options. */
  options: RequestOptions;
  /** Path parameters by wire name. */
  pathArgs: Record<string, unknown>;
  /** Query parameters by wire name; the per-request `query` is applied over them. */
  query: Record<string, unknown>;
  /** The lowest-precedence headers: accept, content-type, idempotency key, credentials, Cookie. */
  header: Record<string, unknown>;
  /** The operation's header parameters: above the client's defaultHeaders, below the request's `headers`. */
  paramHeader: Record<string, unknown>;
  /** Cookies by name, kept by the runtime's `setCookies`, which writes them to `header` as one Cookie header. */
  cookies?: Record<string, unknown>;
  /** fetch's init: `body`, and `duplex: "half"` for a streamed body. */
  init: RequestInit & { duplex?: "half" };
}

/** One security scheme, built by the runtime's `bearer`, `basic`, `apiKey`, `apiKeyCookie` or `clientCredentials`. */
export interface Scheme {
  /** Client options holding its credentials, e.g. `["apiToken"]`. */
  needs: string[];
  /** Lower-cased name of a header whose values never reach a log. */
  hide?: string;
  apply(values: Record<string, string | undefined>, to: RequestDraft): void;
  /**
   * For a scheme whose credential the client fetches rather than is given (OAuth2 client credentials,
   * the runtime's `clientCredentials`): set up once per client, it sends each request that uses the
   * scheme, with a current token. It gets the client's credential values by option name, its options,
   * its base URL (a relative URL of the spec resolves against it), the values its `redact` hides (to
   * add the tokens it fetches) and that `redact`. Positional, as it costs fewer bytes in every bundle with auth.
   */
  sender?: SchemeSender;
}

export type SchemeSender = (
  values: Record<string, string | undefined>,
  options: ClientOptions,
  baseURL: string,
  secrets: string[],
  redact: Redact,
) => Send;

/** fetch's init as the client builds it: headers as a plain object, by lower-case name. */
export type SendInit = RequestInit & { headers: Record<string, string>; duplex?: "half" };

/** Sends one attempt of a request through `fetch`, with whatever its auth must do around it. */
export type Send = (fetch: Fetch, url: string, init: SendInit) => Promise<Response>;

/**
 * Security requirements: a list of alternatives, each a list of scheme names that must all apply.
 * `[]` means no auth; `[[]]` among the alternatives means auth is optional.
 */
export type SecurityRequirement = string[][];

/** Applies the credentials the operation's security needs (absent: the client's) to the request, or throws an SDKError. */
export type ApplyAuth = (draft: RequestDraft) => void;

/**
 * Replaces each credential value with `***`: in a string, and in the strings of a JSON value (keys too)
 * or of a Headers object, which it copies. Other values come back as they are.
 */
export type Redact = <T>(value: T) => T;

/** A client's auth once set up: the per-request step, the sending, and the redaction of the credentials' values. */
export interface ClientAuth {
  apply: ApplyAuth;
  /** For log lines, and for the message, body and headers of errors. */
  redact: Redact;
  /**
   * Sends one attempt of `op`'s request to `url`: through the sender of a scheme that has one (an
   * OAuth2 token fetched first), then follows the answer if it is a redirect (`apply` asked fetch for
   * `redirect: "manual"`), so that no credential reaches another origin; the runtime's redirects.ts.
   */
  send: (fetch: Fetch, url: string, init: SendInit, op: OperationSpec) => Promise<Response>;
}

/**
 * A client's security, built by the runtime's `auth(schemes, security)`. Set up once per client, it
 * reads `spec.credentials` from the options (or environment), checks them (throwing an SDKError
 * naming what to set) and adds the names of headers that carry them to `hidden`. Credentials (and the
 * tokens fetched with them) are the only secret values a client has, so their redaction comes from here too.
 */
export type Auth = (
  spec: ClientSpec,
  options: Record<string, unknown>,
  hidden: Set<string>,
  baseURL?: string,
) => ClientAuth;

/** A value the client can supply to every operation that declares a matching parameter. */
export interface ClientParamSpec {
  /** Client option name, e.g. `trOrganization`. */
  option: string;
  in: "header" | "query" | "path";
  /** Wire name of the parameter, e.g. `TR-Organization`. */
  name: string;
  env?: string;
}

/**
 * Client parameters, set up once per client by the runtime's `clientParams([...])`, which reads their
 * values. The step it returns runs first for every request: it fills in each value for the operation's
 * parameter of that name, unless the caller gives one.
 */
export type ClientParams = (options: Record<string, unknown>) => (draft: RequestDraft) => void;

/** A server's variables, as the spec declares them: `{ region: { default: "us", enum: ["us", "eu"] } }`. */
export type ServerVariables = Record<string, { default: string; enum?: string[] }>;

/** The base URL of a server with variables, from the `serverVariables` option or their defaults; built by the runtime's `serverURL(url, variables)`. */
export type ServerURL = (values: Record<string, string> | undefined) => string;

/** Declared in clientgen.yaml: every response body is wrapped, e.g. Cloudflare's `{ success, errors, messages, result }`. */
export interface EnvelopeSpec {
  /** Field returned to the caller. */
  result: string;
  /** Boolean field; `false` means failure even with a 2xx status. */
  success?: string;
  /** Field holding the error list used in messages when `success` is false. */
  errors?: string;
}

/** Adds the idempotency-key header to a request (none for GET, HEAD, OPTIONS); built by the runtime's `idempotencyHeader(name)`. */
export type Idempotency = (draft: RequestDraft) => void;

/** An envelope with its behaviour, built by the runtime's `envelope(spec)`. */
export interface Envelope extends EnvelopeSpec {
  /**
   * The result field, or an APIError when the success field is false. Bodies without the envelope's
   * fields, and those of operations it does not apply to (`op.envelope === false`), pass through.
   */
  unwrap(
    op: OperationSpec,
    body: unknown,
    response: Response,
    redact: Redact | undefined,
    requestIdHeader?: string,
  ): unknown;
}

/**
 * The client's descriptor. Features only some APIs have are functions the generated code imports from
 * the runtime (`auth(...)`, `envelope(...)`), so clients without them bundle none of their code.
 */
export interface ClientSpec {
  /** Class name, used in messages: "OpenAI". */
  name: string;
  /** The first server's URL, when it has no variables. */
  baseURL?: string;
  /** The first server's URL, when it has variables. Neither is set when the spec has no servers. */
  server?: ServerURL;
  /**
   * The environment variable that gives the base URL when the `baseURL` option does not: `OPENAI_BASE_URL`.
   * Every generated client has one; its prefix names the client's other variables (`OPENAI_LOG`).
   */
  baseURLEnv: string;
  /** Read by `auth`; absent when the spec declares no security schemes, and so is `auth`. */
  credentials?: CredentialSpec[];
  /** Absent when the client has no client parameters (clientgen.yaml `clientParams`). */
  clientParams?: ClientParams;
  auth?: Auth;
  /** Absent unless clientgen.yaml names an idempotency header. */
  idempotency?: Idempotency;
  envelope?: Envelope;
  /** The response header holding the request id: results' `_request_id` and errors' `requestID` (clientgen.yaml `requestIdHeader`); absent: `x-request-id`. */
  requestIdHeader?: string;
}

export type BodyEncoding = "json" | "multipart" | "form" | "text" | "binary";
/** `sse`: a `text/event-stream` answer, read as a Stream of its events. */
export type ResponseKind = "json" | "sse" | "text" | "binary" | "void";

/**
 * Reads a non-JSON success response; `accept` is the Accept header to send (absent: none). `keep`: the
 * caller also wants the Response readable (`withResponse()`), so a reader that consumes the body reads
 * a clone, and one that hands the body out (a Stream, a binary Response) hands out the original: a
 * clone would tee the body and hold every byte the caller does not read. The other arguments are the
 * request's: its client (for options and JSON parsing), operation, params and per-request options.
 */
export interface ResponseReader {
  accept?: string;
  read(
    response: Response,
    keep: boolean | undefined,
    client: ReaderClient,
    op: OperationSpec,
    params: Record<string, unknown> | undefined,
    options: RequestOptions | undefined,
  ): Promise<unknown>;
}

/** What a ResponseReader sees of the client (ClientCore): its options, and its JSON reading of a 2xx. */
export interface ReaderClient {
  readonly options: ClientOptions;
  parse(op: OperationSpec, response: Response, keep?: boolean): Promise<unknown>;
}

/** Pagination of one list operation (declared in clientgen.yaml or recognised from its shape). */
export type PaginationSpec =
  | {
      kind: "cursor";
      /** Field with the items (after unwrapping any envelope), e.g. `data`. */
      items: string;
      /** Boolean field saying more pages exist, e.g. `has_more`. */
      hasMore?: string;
      /** Request parameter key carrying the cursor, e.g. `after`. */
      cursorParam: string;
      /** Response field with the next cursor; absent: the last item's `cursorItemField`. */
      nextCursor?: string;
      /** Item field used as the cursor when `nextCursor` is absent. Default `id`. */
      cursorItemField?: string;
    }
  | {
      kind: "page";
      items: string;
      /** Request parameter key for the page number, e.g. `page`. */
      pageParam: string;
      /** Request parameter key for the page size, e.g. `per_page`. */
      perPageParam?: string;
      /** Dotted path (from the unwrapped-envelope root) to page info, e.g. `result_info`. */
      info?: string;
      /** Fields inside `info`. */
      totalCount?: string;
      totalPages?: string;
      page?: string;
      perPage?: string;
    }
  | { kind: "offset"; items: string; offsetParam: string; limitParam?: string; totalCount?: string }
  | {
      kind: "next";
      items: string;
      /**
       * Response field with the next page's URL, absolute or relative (Azure's `nextLink`, Graph's
       * `@odata.nextLink`, Twilio's `meta.next_page_url`, JSON:API's `links.next`); absent: the
       * response's `Link` header, `rel="next"` (RFC 8288). A missing or empty value ends the list.
       */
      nextUrl?: string;
    }
  | { kind: "single"; items: string };

/**
 * Adds an operation's query, header and cookie parameters to the request by wire name: the caller's
 * values, over those client parameters filled in. Throws an SDKError for a `required` one left empty.
 * The runtime's `collectParams`.
 */
export type CollectParams = (draft: RequestDraft) => void;

/** Query pairs before percent-encoding. */
export type Pairs = Array<[string, string]>;

/** Appends one query parameter to `out` in a non-default OpenAPI style (form + explode is built in). */
export type QueryEncoder = (out: Pairs, name: string, value: unknown) => void;

/**
 * Builds an operation's request body from the caller's params and puts it on the request, with its
 * content-type among the lowest-precedence headers. The runtime's `jsonBody`, `formBody`,
 * `multipartBody`, `textBody` or `binaryBody`.
 */
export type BodyEncoder = (draft: RequestDraft) => void;

/**
 * One operation. Generated code passes it with the caller's arguments to `core.request`: path
 * parameter values by wire name, the params object and the request options.
 * Keys of `query`/`headers`/`cookies` are the keys in the caller's params object; values are wire names.
 * Rarely needed encoders are functions imported from the runtime, so a bundle carries only those its
 * operations use.
 */
export interface OperationSpec {
  method: HttpMethod;
  /** Path template from the spec, e.g. `/user/invites/{invite_id}`: the caller passes its values by wire name, `{ invite_id: "abc" }`. */
  path: string;
  /**
   * The runtime's `collectParams`, present when the operation has query, header or cookie parameters:
   * it reads `query`, `headers`, `cookies` and `required`, which are ignored without it. Operations
   * without such parameters leave it out, and so do their bundles.
   */
  collect?: CollectParams;
  query?: Record<string, string>;
  /** Encoders, by wire name, of query params not serialised as `form` + `explode: true`, e.g. `{ ids: queryStyle("pipeDelimited") }`. */
  queryStyle?: Record<string, QueryEncoder>;
  headers?: Record<string, string>;
  cookies?: Record<string, string>;
  /**
   * Required parameters a client option may fill (`"header TR-Organization"`): checked before sending,
   * since their type is optional when a client default exists.
   */
  required?: string[];
  /**
   * `fields`: every params key not named above is a body field (object bodies).
   * `whole`: `params.body` is the body (arrays, primitives, binary).
   * `encode`: the runtime's `jsonBody`, `formBody`, `multipartBody`, `textBody` or `binaryBody`.
   * `contentType`: absent for the encoder's default (JSON: `application/json`) and for wildcards.
   */
  body?: { mode: "fields" | "whole"; encode: BodyEncoder; contentType?: string; required?: boolean };
  /**
   * Absent for JSON; else the runtime's `textResponse`, `binaryResponse` (the Response, unread),
   * `voidResponse`, `sseResponse` (a Stream of events) or `sseOrJSONResponse` (a Stream when the
   * request's `stream` field, or the one `streamParam` names, is true, else JSON).
   */
  response?: ResponseReader;
  /** `sseOrJSONResponse`'s field when it is not `stream` (clientgen.yaml's `streaming.param`). */
  streamParam?: string;
  /** A next page's request (pagination.ts), whose `path` is its link's: the operation's own template, which middleware sees. */
  pathTemplate?: string;
  /**
   * The event schema describes whole events, a named `event` beside its `data` (OpenAI's
   * `AssistantStreamEvent`): the Stream yields `{ event, data }` rather than the data alone.
   */
  framedEvents?: true;
  /**
   * The Accept header: the media type the spec declares for the success response that is read
   * (`application/vnd.rev.transcript.v1.0+json`, `text/plain`). Absent for the reader's own
   * (JSON: `application/json`; text and binary: none).
   */
  accept?: string;
  /**
   * A JSON operation that also declares a 2xx response without content: an empty body is then its
   * answer (undefined). Otherwise only 204 and 205 may be empty; any other empty 2xx is an
   * UnexpectedResponseError.
   */
  empty?: boolean;
  /** Absent: the client's top-level security. */
  security?: SecurityRequirement;
  pagination?: PaginationSpec;
  /** False when the envelope does not apply to this operation. Default: the client's envelope applies. */
  envelope?: boolean;
  /** For messages and logs: the operationId or `GET /path`. */
  id: string;
}
