import type {
  ApiModel,
  ClientParamModel,
  CredentialPart,
  OperationModel,
  ParamModel,
  SecuritySchemeModel,
  WebhookModel,
} from "../model/api-model.js";
import type { NameWarning } from "./rename-warning.js";

/** Every identifier the emitters use, decided once. Emitters never invent names. */
export interface NamedApi {
  model: ApiModel;
  client: ClientNames;
  credentials: NamedCredential[];
  clientParams: NamedClientParam[];
  /** Component schemas: the alias models.ts exports and the model page under docs/models. */
  schemas: NamedSchema[];
  operations: NamedOperation[];
  /** The reference pages under docs/, one per flat resource. */
  docPages: NamedDocPage[];
  /** The flat style's resource tree; the root is the client class itself. */
  flat: FlatResource;
  /** The builder style's API classes, in first-seen order. */
  apis: BuilderApi[];
  /** The command line's executable, commands and flags. */
  cli: CliNames;
  /** The events the API sends, typed, and how clients verify them; absent when it sends none and clientgen.yaml says nothing. */
  webhooks?: NamedWebhooks;
  /** What every operation's function and methods call their own arguments. */
  locals: LocalNames;
  /** Renames carry spec pointers until the pipeline places them (locateRenames). */
  warnings: NameWarning[];
}

/**
 * The argument names generated functions and methods share besides their path arguments,
 * `fn(client, id, params, options)`: decided here, so no path argument takes one and every emitter
 * writes the same.
 */
export interface LocalNames {
  /** The client core a standalone function takes first. */
  client: string;
  /** The object of query, header and cookie parameters and body fields. */
  params: string;
  /** The request options, always last. */
  options: string;
}

export interface NamedWebhooks {
  events: NamedWebhookEvent[];
  /** `WebhookEvent`: the union of every event's type in models.ts, what `unwrap` resolves to. */
  union: string;
  /** `docs/webhooks.md` */
  docFile: string;
  /** With clientgen.yaml's `webhooks` block: the client option, property and builder class that verify them. */
  verify?: WebhookVerifyNames;
}

export interface NamedWebhookEvent {
  event: WebhookModel;
  /** The payload's type in models.ts: a schema alias, or one declared for it (`declared`); absent: `unknown`. */
  type?: string;
  declared: boolean;
}

export interface WebhookVerifyNames {
  /** Client option holding the secret: `webhookSecret`. */
  option: string;
  /** Environment variable read when neither the call nor the option gives one. */
  env?: string;
  /** Property of the flat client: `webhooks`. */
  property: string;
  /** Builder style: `WebhooksApi`, in `src/apis/webhooks-api.ts`. */
  builderClass: string;
  builderFile: string;
}

export interface NamedSchema {
  /** Key under components.schemas. */
  name: string;
  /** `Invite`: the type models.ts exports. */
  alias: string;
  /** `docs/models/Invite.md` */
  docFile: string;
}

export interface NamedDocPage {
  /** `user.invites`, or `client` for operations on the client itself. */
  title: string;
  /** `docs/user.invites.md` */
  file: string;
  operations: NamedOperation[];
}

export interface ClientNames {
  /** `OpenAI` */
  className: string;
  /** `OpenAICore`: the client without resources, for tree-shaken standalone functions. */
  coreClassName: string;
  /** `OpenAIOptions` */
  optionsType: string;
  /** `OpenAIError` */
  errorClass: string;
  packageName: string;
  /** `OPENAI`: prefix of environment variables the runtime reads (`OPENAI_LOG`). */
  envPrefix: string;
  /** `OPENAI_BASE_URL`: the environment variable the client and command line take the base URL from. */
  baseURLEnv: string;
  /** `openai`: the provider folder name. */
  provider: string;
}

export interface NamedCredential {
  option: string;
  env?: string;
  scheme: SecuritySchemeModel;
  part?: CredentialPart;
  description?: string;
}

/** The option name is the model's: clientgen.yaml chose it. */
export type NamedClientParam = ClientParamModel;

export interface NamedParam {
  param: ParamModel;
  /** Key in the flat params object (path parameters: the positional argument's name). */
  key: string;
  /** Builder setter name. */
  setter: string;
  /** Filled from a client option when the caller does not give it. */
  clientOption?: string;
}

export interface NamedOperation {
  op: OperationModel;
  /** Standalone function, unique in the package: `listInvites`. */
  fn: string;
  /** The module-level constant holding its OperationSpec: `listInvitesSpec`. */
  specConst: string;
  /** Module (under src/) holding the standalone function: `operations/invites`. */
  module: string;
  paramsType: string;
  responseType: string;
  /** Element type of a paginated list. */
  itemType?: string;
  /** Error bodies by status (`{ 404: NotFoundBody }`), when the spec declares any. */
  errorsType?: string;
  /** Path parameters, in path order, as positional arguments. */
  pathArgs: NamedParam[];
  /** Query, header and cookie parameters. */
  params: NamedParam[];
  /** How the body travels in the params: its fields spread beside the parameters, or whole as `body`. Absent without a body. */
  bodyMode?: "fields" | "whole";
  /** Builder setter for the whole body. */
  bodySetter?: string;
  /**
   * Flat style: the resource by path segment (`["send", "things"]`), the properties that reach it from
   * the client (`["sendResource", "things"]`, which differ where a segment was renamed), and the method.
   */
  flat: { resource: string[]; properties: string[]; method: string };
  /** Builder style: API class, method, and the per-operation builder type `ListInvitesBuilder`. */
  builder: { api: string; method: string; type: string };
}

export interface FlatResource {
  /** Property name on the parent (empty for the root). */
  property: string;
  /** Class name: `UserInvites`. */
  className: string;
  /** Path from the root by segment, e.g. `["user", "invites"]`. */
  path: string[];
  /** Properties from the client to this resource, e.g. `["user", "invites"]` (`["sendResource"]` for a renamed one). */
  properties: string[];
  /** File under src/resources (no extension); empty for the root. */
  file: string;
  operations: NamedOperation[];
  children: FlatResource[];
}

export interface BuilderApi {
  /** `InvitesApi` */
  className: string;
  file: string;
  operations: NamedOperation[];
}

/** The command line's names: the executable, a command per operation, a flag per client option. */
export interface CliNames {
  /** The executable (package.json `bin`): the package name without its scope, `openai-client`. */
  bin: string;
  /** One per operation, in `NamedApi.operations` order. */
  commands: ReadonlyMap<NamedOperation, CliCommand>;
  /** `--admin-api-key` for the `adminApiKey` option: credentials, then client parameters. */
  flags: { option: string; flag: string }[];
}

export interface CliCommand {
  /** The builder method name, as seed 002 writes it: `listInvites`. */
  command: string;
  /** Kebab case, when it differs: `list-invites`. */
  alias?: string;
  /** Heading the operation is listed under in `--help`: its first tag, else its flat resource path. */
  group: string;
}
