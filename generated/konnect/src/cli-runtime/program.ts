/**
 * The contract between a generated `src/cli.ts` and the command-line engine: plain data describing the
 * client and each operation, plus the standalone operation functions it calls. Like the runtime, this
 * folder is copied verbatim into every package.
 */
import type { ClientCore } from "../runtime/core.js";
import type { ClientOptions } from "../runtime/types.js";
import type { Host } from "./host.js";
import type { ParsedArgs } from "./parsed-args.js";

/** What the command line knows about a schema: enough to convert `name=value` and check it. */
export interface CliSchema {
  /** `string`, `integer`, `number`, `boolean`, `array`, `object`, or a union such as `string | integer`. */
  type?: string;
  format?: string;
  enum?: unknown[];
  default?: unknown;
  nullable?: boolean;
  items?: CliSchema;
}

export interface CliParam {
  /** Wire name: `invite_id`, `TR-Organization`. */
  name: string;
  /** The name in the operation's params object or its path argument: `inviteId`, `trOrganization`. */
  key: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  schema: CliSchema;
  description?: string;
  deprecated?: boolean;
  /** The client option that supplies it when not given (clientgen.yaml `clientParams`). */
  clientOption?: string;
}

export interface CliField {
  name: string;
  required: boolean;
  schema: CliSchema;
  description?: string;
  deprecated?: boolean;
}

export interface CliBody {
  /** `fields`: the body's properties go into the params object; `whole`: it is passed as `params.body`. */
  mode: "fields" | "whole";
  encoding: "json" | "form" | "multipart" | "text" | "binary";
  contentType: string;
  required: boolean;
  /** Properties of an object body (empty for other bodies). */
  fields: CliField[];
  /** The body's type as the docs name it: `InviteRequest`. */
  type: string;
}

/** A standalone operation function: `(client, ...pathArgs, params?, options?)`. */
export type CliCall = (client: ClientCore, ...args: never[]) => unknown;

export interface CliOperation {
  /** `listInvites` */
  command: string;
  /** `list-invites` */
  alias?: string;
  group: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  method: string;
  path: string;
  call: CliCall;
  /** Path parameters first, in the order the function takes them, then query, header and cookie parameters. */
  params: CliParam[];
  /** The function takes a params object after its path arguments. */
  takesParams: boolean;
  body?: CliBody;
  /** The operation is a list: it returns pages. */
  list?: boolean;
  response: "json" | "sse" | "text" | "binary" | "void";
  /** The body field (`stream`) that turns a JSON answer into events when true (`stream=true`), printed as NDJSON. */
  streams?: string;
  /** The arguments of an example call: `limit=20 after=invite-abc`. */
  example: string;
}

/** A credential or client parameter, given by flag or environment variable. */
export interface CliOption {
  /** Client option: `adminApiKey`. */
  option: string;
  /** Flag without dashes: `admin-api-key`. */
  flag: string;
  env?: string;
  description?: string;
  kind: "credential" | "client parameter" | "webhook secret";
}

export interface CliProgram {
  /** The executable: `openai-client`. */
  bin: string;
  title: string;
  version: string;
  baseURL?: string;
  /** The environment variable that gives the base URL when `--base-url` does not: `OPENAI_BASE_URL`. */
  baseURLEnv?: string;
  /** Builds the client core the operation functions take. */
  client: (options: ClientOptions & Record<string, unknown>) => ClientCore;
  options: CliOption[];
  operations: CliOperation[];
  /** `<bin> webhooks verify`, when clientgen.yaml says how the API signs its webhooks. */
  webhooks?: CliWebhooks;
}

export interface CliWebhooks {
  /** Verifies a delivery with the secret of `options` (the `webhook secret` option) or its environment variable; resolves to the event. */
  unwrap(options: Record<string, unknown>, body: Uint8Array, headers: [string, string][]): Promise<unknown>;
  /** Runs the command: verify-webhook.ts's `verifyWebhook`, which only packages that verify webhooks carry. */
  run(program: CliProgram & { webhooks: CliWebhooks }, parsed: ParsedArgs, host: Host): Promise<number>;
}
